package io.kycflow.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    @Test
    void utcWithMicrosecondsAtFixedWidthWhateverTheOffset() {
        var time = OffsetDateTime.of(2026, 3, 4, 5, 6, 0, 7_008_009, ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(Timestamps.format(time)).isEqualTo("2026-03-04T08:36:00.007008Z");
        assertThat(Timestamps.format(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2026-12-31T22:00:00.000000Z");
    }

    @Test
    void sameTextAsTheReferenceFormatterAcrossTheRange() {
        var random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            var time = instant.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1)));
            assertThat(Timestamps.format(time)).as(instant.toString())
                    .isEqualTo(REFERENCE.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
        }
    }

    @Test
    void yearsBeyondFourDigitsTakeTheFormatter() {
        var far = OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Timestamps.format(far)).isEqualTo(REFERENCE.format(far));
        var bc = OffsetDateTime.of(-1, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Timestamps.format(bc)).isEqualTo(REFERENCE.format(bc));
    }
}
