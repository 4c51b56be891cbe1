package io.kycflow.session.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRecordsTests {

    private final Object[] first = {UUID.randomUUID(), "CREATED", true, null, "{\"user\":\"ü-1\"}",
            OffsetDateTime.of(2026, 11, 25, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(2))};
    private final Object[] second = {UUID.randomUUID(), "IN_PROGRESS", false, Boolean.FALSE, null,
            OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)};

    @Test
    void rowsComeBackAsTheyWereWritten() {
        var read = JournalRecords.read(bytes(JournalRecords.encode(List.of(first, second))));
        assertThat(read.tornTail()).isFalse();
        assertThat(read.rows()).hasSize(2);
        assertThat(read.rows().get(0)).containsExactly(first);
        assertThat(read.rows().get(1)).containsExactly(second);
    }

    @Test
    void aRecordCutShortOrDamagedEndsTheReadWithTheRowsBeforeIt() {
        var whole = bytes(JournalRecords.encode(List.of(first, second)));
        var cut = JournalRecords.read(Arrays.copyOf(whole, whole.length - 3));
        assertThat(cut.tornTail()).isTrue();
        assertThat(cut.rows()).hasSize(1);
        assertThat(cut.rows().getFirst()).containsExactly(first);

        var damaged = whole.clone();
        damaged[damaged.length - 2] ^= 0x40;
        var read = JournalRecords.read(damaged);
        assertThat(read.tornTail()).isTrue();
        assertThat(read.rows()).hasSize(1);
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        var bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
