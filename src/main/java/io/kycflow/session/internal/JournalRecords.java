package io.kycflow.session.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The session journal's record format: per row {@code [int length][int CRC32C][values]}, each value a type tag and
 * its bytes. Reading stops at the first record that is cut short or fails its checksum: a crash mid-write leaves
 * at most the batch being written, which was never acknowledged.
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

    record Read(List<Object[]> rows, boolean tornTail) {
    }

    static ByteBuffer encode(List<Object[]> rows) {
        var values = new ArrayList<byte[]>(); // strings encoded once, sized before the buffer is allocated
        int size = 0;
        for (var row : rows) {
            size += HEADER + 4;
            for (var value : row) {
                size += 1 + switch (value) {
                    case null -> 0;
                    case UUID u -> 16;
                    case String s -> {
                        var bytes = s.getBytes(StandardCharsets.UTF_8);
                        values.add(bytes);
                        yield 4 + bytes.length;
                    }
                    case Boolean b -> 0;
                    case OffsetDateTime t -> 16;
                    default -> throw new IllegalArgumentException("not a journaled type: " + value.getClass());
                };
            }
        }
        var buffer = ByteBuffer.allocate(size);
        var strings = values.iterator();
        for (var row : rows) {
            int start = buffer.position();
            buffer.position(start + HEADER).putInt(row.length);
            for (var value : row) {
                switch (value) {
                    case null -> buffer.put(NULL);
                    case UUID u -> buffer.put(UUID_VALUE).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
                    case String s -> {
                        var bytes = strings.next();
                        buffer.put(STRING).putInt(bytes.length).put(bytes);
                    }
                    case Boolean b -> buffer.put(b ? TRUE : FALSE);
                    case OffsetDateTime t -> buffer.put(TIMESTAMP).putLong(t.toEpochSecond()).putInt(t.getNano())
                            .putInt(t.getOffset().getTotalSeconds());
                    default -> throw new IllegalStateException();
                }
            }
            int length = buffer.position() - start - HEADER;
            var crc = new CRC32C();
            crc.update(buffer.array(), start + HEADER, length);
            buffer.putInt(start, length).putInt(start + 4, (int) crc.getValue());
        }
        return buffer.flip();
    }

    static Read read(byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        var rows = new ArrayList<Object[]>();
        while (buffer.remaining() >= HEADER) {
            int start = buffer.position();
            int length = buffer.getInt();
            int checksum = buffer.getInt();
            if (length < 4 || length > buffer.remaining()) {
                return new Read(rows, true);
            }
            var crc = new CRC32C();
            crc.update(bytes, start + HEADER, length);
            if ((int) crc.getValue() != checksum) {
                return new Read(rows, true);
            }
            var record = buffer.slice(start + HEADER, length);
            try {
                rows.add(decode(record));
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                return new Read(rows, true);
            }
            buffer.position(start + HEADER + length);
        }
        return new Read(rows, buffer.hasRemaining());
    }

    private static Object[] decode(ByteBuffer record) {
        var row = new Object[record.getInt()];
        for (int i = 0; i < row.length; i++) {
            row[i] = switch (record.get()) {
                case NULL -> null;
                case UUID_VALUE -> new UUID(record.getLong(), record.getLong());
                case STRING -> {
                    var value = new byte[record.getInt()];
                    record.get(value);
                    yield new String(value, StandardCharsets.UTF_8);
                }
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(record.getLong(), record.getInt()),
                        ZoneOffset.ofTotalSeconds(record.getInt()));
                default -> throw new IllegalArgumentException("unknown value tag");
            };
        }
        return row;
    }
}
