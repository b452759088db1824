package io.pledge.core.jdbc;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Rows in the binary format of PostgreSQL's {@code COPY}: the server stores the values as sent, without
 * parsing their text, which makes bulk writes faster than the text format. Each column is encoded
 * as its declared type requires: {@code uuid} from a UUID, {@code bigint} and {@code integer} from any
 * number, {@code boolean} from a Boolean, {@code timestamp with time zone} from an {@link Instant} or an
 * {@link OffsetDateTime} (to the microsecond),
 * {@code varchar} and {@code text} from any value's text.
 */
final class BinaryCopy {

    /** Column types this format writes, by PostgreSQL's name for them. */
    private static final Map<String, Encoder> ENCODERS = Map.of(
            "uuid", BinaryCopy::uuid,
            "int8", (out, value) -> out.putInt(8).putLong(((Number) value).longValue()),
            "int4", (out, value) -> out.putInt(4).putInt(((Number) value).intValue()),
            "bool", (out, value) -> out.putInt(1).put((byte) (((Boolean) value) ? 1 : 0)),
            "timestamptz", BinaryCopy::timestamp,
            "varchar", BinaryCopy::text,
            "text", BinaryCopy::text);

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private static final int CHUNK = 1 << 20;

    private final Encoder[] encoders;

    private BinaryCopy(Encoder[] encoders) {
        this.encoders = encoders;
    }

    /** The writer for these columns of their declared types, or null when one of them has another type. */
    static BinaryCopy of(List<String> columns, Map<String, String> types) {
        Encoder[] encoders = new Encoder[columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            encoders[i] = ENCODERS.get(types.get(columns.get(i)));
            if (encoders[i] == null) {
                return null;
            }
        }
        return new BinaryCopy(encoders);
    }

    /** Sends the rows to a started {@code COPY … FROM STDIN WITH (FORMAT BINARY)} and ends it. */
    void write(CopyIn copy, List<Object[]> rows) throws SQLException {
        try {
            ByteBuffer out = ByteBuffer.allocate(CHUNK);
            out.put(SIGNATURE).putInt(0).putInt(0);
            for (Object[] row : rows) {
                int start = out.position();
                try {
                    tuple(out, row);
                } catch (BufferOverflowException full) {
                    out.position(start);
                    send(copy, out);
                    out = ByteBuffer.allocate(Math.max(CHUNK, 2 * size(row)));
                    tuple(out, row);
                }
                if (out.position() >= CHUNK - CHUNK / 8) {
                    send(copy, out);
                }
            }
            if (out.remaining() < 2) {
                send(copy, out);
            }
            out.putShort((short) -1);
            send(copy, out);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void tuple(ByteBuffer out, Object[] row) {
        out.putShort((short) row.length);
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                out.putInt(-1);
            } else {
                encoders[i].write(out, row[i]);
            }
        }
    }

    /** An upper bound of a row's encoded size, for a row larger than the usual buffer. */
    private static int size(Object[] row) {
        int size = 2;
        for (Object value : row) {
            size += 4 + (value instanceof String text ? 3 * text.length() : 16);
        }
        return size;
    }

    private static void send(CopyIn copy, ByteBuffer out) throws SQLException {
        copy.writeToCopy(out.array(), 0, out.position());
        out.clear();
    }

    private static void uuid(ByteBuffer out, Object value) {
        UUID uuid = (UUID) value;
        out.putInt(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    private static void timestamp(ByteBuffer out, Object value) {
        Instant instant = value instanceof Instant given ? given : ((OffsetDateTime) value).toInstant();
        long micros = Math.addExact(
                Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                instant.getNano() / 1_000);
        out.putInt(8).putLong(micros);
    }

    private static void text(ByteBuffer out, Object value) {
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    @FunctionalInterface
    private interface Encoder {
        void write(ByteBuffer out, Object value);
    }
}
