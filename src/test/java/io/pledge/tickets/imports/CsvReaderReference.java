package io.pledge.tickets.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The CSV reader as it was before it copied fields straight out of its buffer, character by character:
 * what {@link CsvReader} must still read alike.
 */
final class CsvReaderReference implements AutoCloseable {

    private final Reader in;
    private final char[] buffer = new char[65536];
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;
    private int pending = -2;
    private boolean[] kept;

    CsvReaderReference(Reader in) {
        this.in = in;
    }

    /** The line the last record returned starts on (1-based). */
    int line() {
        return recordLine;
    }

    /**
     * Reads only the fields at these positions from now on: the others come back empty, without their
     * text being copied (an export has dozens of columns, an import reads a few).
     */
    void keepOnly(Collection<Integer> positions) {
        kept = new boolean[positions.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        positions.forEach(position -> kept[position] = true);
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean keep = keeps(0);
        boolean empty = true;
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c == -1) {
                    throw new IOException("line " + recordLine + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after != '"') {
                        inQuotes = false;
                        c = after;
                        continue;
                    }
                } else if (c == '\n') {
                    line++;
                }
                if (keep) {
                    field.append((char) c);
                }
                empty = false;
            } else if (c == ',') {
                fields.add(keep ? field.toString() : "");
                field.setLength(0);
                keep = keeps(fields.size());
                empty = true;
                quoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pending = after;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(keep ? field.toString() : "");
                return fields;
            } else if (c == '"' && empty && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                if (keep) {
                    field.append((char) c);
                }
                empty = false;
            }
            c = read();
        }
    }

    private boolean keeps(int position) {
        return kept == null || (position < kept.length && kept[position]);
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
