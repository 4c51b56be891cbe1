package io.kycflow.shared;

import java.util.HashSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

    @Test
    void timeOrderedIdsAreVersion7WithTheRfcVariantAndTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Ids.timeOrdered();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsFromLaterMillisecondsSortAfterEarlierOnesAndNeverRepeat() throws InterruptedException {
        var first = Ids.timeOrdered();
        Thread.sleep(2);
        var second = Ids.timeOrdered();
        assertThat(second.toString()).isGreaterThan(first.toString());
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Ids.timeOrdered())).isTrue();
        }
    }
}
