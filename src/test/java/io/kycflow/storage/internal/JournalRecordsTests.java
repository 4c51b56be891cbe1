package io.kycflow.storage.internal;

import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.kycflow.storage.GroupCommittedTable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRecordsTests {

    record Row(UUID id, @Nullable String status, @Nullable Boolean flag, @Nullable OffsetDateTime at, @Nullable UUID other) {
    }

    /** A table's codec as a module writes one: typed values in a fixed order. */
    static final GroupCommittedTable<Row> TABLE = new CodecTable<>("rows",
            (row, out) -> out.uuid(row.id()).string(row.status()).bool(row.flag()).timestamp(row.at()).uuid(row.other()),
            in -> new Row(in.uuid(), in.string(), in.bool(), in.timestamp(), in.uuid()));

    private final Row first = new Row(UUID.randomUUID(), "{\"user\":\"ü-1\"}", true,
            OffsetDateTime.of(2026, 11, 25, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(2)), null);
    private final Row second = new Row(UUID.randomUUID(), null, Boolean.FALSE,
            OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), UUID.randomUUID());

    @Test
    void rowsComeBackAsTheyWereWritten() {
        var read = JournalRecords.read(bytes(JournalRecords.encode(List.of(first, second), TABLE)), TABLE);
        assertThat(read.tornTail()).isFalse();
        assertThat(read.rows()).containsExactly(first, second);
    }

    @Test
    void manyRowsGrowTheBufferWithoutLosingOne() {
        var rows = java.util.stream.IntStream.range(0, 500).mapToObj(i -> new Row(UUID.randomUUID(), "x".repeat(i),
                i % 2 == 0, OffsetDateTime.now(ZoneOffset.UTC), null)).toList();
        var read = JournalRecords.read(bytes(JournalRecords.encode(rows, TABLE)), TABLE);
        assertThat(read.tornTail()).isFalse();
        assertThat(read.rows()).isEqualTo(rows);
    }

    @Test
    void aRecordCutShortOrDamagedEndsTheReadWithTheRowsBeforeIt() {
        var whole = bytes(JournalRecords.encode(List.of(first, second), TABLE));
        var cut = JournalRecords.read(Arrays.copyOf(whole, whole.length - 3), TABLE);
        assertThat(cut.tornTail()).isTrue();
        assertThat(cut.rows()).containsExactly(first);

        var damaged = whole.clone();
        damaged[damaged.length - 2] ^= 0x40;
        var read = JournalRecords.read(damaged, TABLE);
        assertThat(read.tornTail()).isTrue();
        assertThat(read.rows()).containsExactly(first);
    }

    @Test
    void theZerosASegmentWasPreparedWithEndTheRecordsCleanly() {
        var whole = bytes(JournalRecords.encode(List.of(first, second), TABLE));
        var segment = Arrays.copyOf(whole, whole.length + 4096); // records over the zeros, the rest still zeros
        var read = JournalRecords.read(segment, TABLE);
        assertThat(read.tornTail()).as("zeros are the end, not a damaged record").isFalse();
        assertThat(read.rows()).containsExactly(first, second);

        assertThat(JournalRecords.read(new byte[Journal.PREALLOCATED], TABLE).rows()).as("a segment never written to").isEmpty();

        var halfWritten = segment.clone(); // a batch whose header reached the disk but whose body did not
        java.nio.ByteBuffer.wrap(halfWritten).putInt(whole.length, 40).putInt(whole.length + 4, 12345);
        var torn = JournalRecords.read(halfWritten, TABLE);
        assertThat(torn.tornTail()).isTrue();
        assertThat(torn.rows()).containsExactly(first, second);
    }

    @Test
    void aRowReadAsAnotherLayoutIsDamagedNotMisread() {
        var whole = bytes(JournalRecords.encode(List.of(first), TABLE));
        // a boolean where this reader asks a timestamp
        var fewer = new CodecTable<Row>("rows", (row, out) -> {
        }, in -> new Row(in.uuid(), in.string(), null, in.timestamp(), null));
        var read = JournalRecords.read(whole, fewer);
        assertThat(read.tornTail()).isTrue();
        assertThat(read.rows()).isEmpty();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        var bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
