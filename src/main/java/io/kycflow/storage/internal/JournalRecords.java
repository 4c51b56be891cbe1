package io.kycflow.storage.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

import io.kycflow.storage.GroupCommittedTable;
import io.kycflow.storage.JournalInput;
import io.kycflow.storage.JournalOutput;
import org.jspecify.annotations.Nullable;

/**
 * The journal's record format: per row {@code [int length][int CRC32C][int value count][values]}, each value a type
 * tag and its bytes. Reading stops at the first record that is cut short, fails its checksum or does not decode:
 * a crash mid-write leaves at most the batch being written, which was never acknowledged.
 */
final class JournalRecords {

    private static final byte NULL = 0;
    private static final byte UUID_VALUE = 1;
    private static final byte STRING = 2;
    private static final byte FALSE = 3;
    private static final byte TRUE = 4;
    private static final byte TIMESTAMP = 5;
    private static final int HEADER = 8;

    private JournalRecords() {
    }

    record Read<R>(List<R> rows, boolean tornTail) {
    }

    static <R> ByteBuffer encode(List<R> rows, GroupCommittedTable<R> table) {
        var out = new Output(rows.size() * 256);
        for (var row : rows) {
            int start = out.size;
            out.skip(HEADER + 4);
            table.write(row, out);
            int length = out.size - start - HEADER;
            out.putInt(start + HEADER, out.values);
            var crc = new CRC32C();
            crc.update(out.bytes, start + HEADER, length);
            out.putInt(start, length);
            out.putInt(start + 4, (int) crc.getValue());
            out.values = 0;
        }
        return ByteBuffer.wrap(out.bytes, 0, out.size);
    }

    static <R> Read<R> read(byte[] bytes, GroupCommittedTable<R> table) {
        var buffer = ByteBuffer.wrap(bytes);
        var rows = new ArrayList<R>();
        while (buffer.remaining() >= HEADER) {
            int start = buffer.position();
            int length = buffer.getInt();
            int checksum = buffer.getInt();
            if (length == 0 && checksum == 0) { // the zeros a segment was prepared with: no more records
                return new Read<>(rows, false);
            }
            if (length < 4 || length > buffer.remaining()) {
                return new Read<>(rows, true);
            }
            var crc = new CRC32C();
            crc.update(bytes, start + HEADER, length);
            if ((int) crc.getValue() != checksum) {
                return new Read<>(rows, true);
            }
            var input = new Input(buffer.slice(start + HEADER, length));
            try {
                var row = table.read(input);
                if (input.read != input.count) {
                    return new Read<>(rows, true);
                }
                rows.add(row);
            } catch (RuntimeException e) { // past the checksum, only a bug could get here: still no acknowledged row lost
                return new Read<>(rows, true);
            }
            buffer.position(start + HEADER + length);
        }
        return new Read<>(rows, buffer.hasRemaining());
    }

    /** A growing byte array: one allocation for a typical batch, no per-value objects. */
    private static final class Output implements JournalOutput {

        byte[] bytes;
        int size;
        int values;

        Output(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        @Override
        public JournalOutput uuid(@Nullable UUID value) {
            if (value == null) {
                return nothing();
            }
            tag(UUID_VALUE, 16);
            putLong(value.getMostSignificantBits());
            putLong(value.getLeastSignificantBits());
            return this;
        }

        @Override
        public JournalOutput string(@Nullable String value) {
            if (value == null) {
                return nothing();
            }
            var encoded = value.getBytes(StandardCharsets.UTF_8);
            tag(STRING, 4 + encoded.length);
            putInt(size, encoded.length);
            size += 4;
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return this;
        }

        @Override
        public JournalOutput bool(@Nullable Boolean value) {
            if (value == null) {
                return nothing();
            }
            tag(value ? TRUE : FALSE, 0);
            return this;
        }

        @Override
        public JournalOutput timestamp(@Nullable OffsetDateTime value) {
            if (value == null) {
                return nothing();
            }
            tag(TIMESTAMP, 16);
            putLong(value.toEpochSecond());
            putInt(size, value.getNano());
            putInt(size + 4, value.getOffset().getTotalSeconds());
            size += 8;
            return this;
        }

        private JournalOutput nothing() {
            tag(NULL, 0);
            return this;
        }

        private void tag(byte tag, int length) {
            skip(1 + length);
            bytes[size - 1 - length] = tag;
            size -= length;
            values++;
        }

        void skip(int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            size += length;
        }

        private void putLong(long value) {
            putInt(size, (int) (value >>> 32));
            putInt(size + 4, (int) value);
            size += 8;
        }

        void putInt(int at, int value) {
            bytes[at] = (byte) (value >>> 24);
            bytes[at + 1] = (byte) (value >>> 16);
            bytes[at + 2] = (byte) (value >>> 8);
            bytes[at + 3] = (byte) value;
        }
    }

    private static final class Input implements JournalInput {

        private final ByteBuffer record;
        final int count;
        int read;

        Input(ByteBuffer record) {
            this.record = record;
            this.count = record.getInt();
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public @Nullable UUID uuid() {
            return switch (tag(UUID_VALUE)) {
                case NULL -> null;
                default -> new UUID(record.getLong(), record.getLong());
            };
        }

        @Override
        public @Nullable String string() {
            if (tag(STRING) == NULL) {
                return null;
            }
            var value = new byte[record.getInt()];
            record.get(value);
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public @Nullable Boolean bool() {
            return switch (record.get()) {
                case NULL -> counted(null);
                case TRUE -> counted(Boolean.TRUE);
                case FALSE -> counted(Boolean.FALSE);
                default -> throw new IllegalArgumentException("not a boolean");
            };
        }

        @Override
        public @Nullable OffsetDateTime timestamp() {
            if (tag(TIMESTAMP) == NULL) {
                return null;
            }
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(record.getLong(), record.getInt()),
                    ZoneOffset.ofTotalSeconds(record.getInt()));
        }

        private byte tag(byte expected) {
            var tag = record.get();
            if (tag != NULL && tag != expected) {
                throw new IllegalArgumentException("a value of another type than expected");
            }
            read++;
            if (read > count) {
                throw new IllegalArgumentException("more values read than the row holds");
            }
            return tag;
        }

        private <T> T counted(T value) {
            if (++read > count) {
                throw new IllegalArgumentException("more values read than the row holds");
            }
            return value;
        }
    }
}
