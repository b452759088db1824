package io.pledge.tickets.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields separated by commas, optionally quoted, quotes doubled
 * inside quotes, line breaks inside quoted fields. Knows the line each record starts on. A quote opens a
 * quoted field only as its first character; after the closing quote, and anywhere in an unquoted
 * field, characters (quotes too) are taken as they are, up to the next comma or line break.
 */
final class CsvReader implements AutoCloseable {

    private final Reader in;
    private final char[] buffer;
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;
    private boolean[] kept;
    /** The field count of the record before, so that the next one's list need not grow. */
    private int width = 10;
    /** A field that spans two reads of the input, or a quoted one. */
    private final StringBuilder spill = new StringBuilder();

    CsvReader(Reader in) {
        this(in, 65536);
    }

    /** With a buffer of this many characters (tests use tiny ones to cross its end everywhere). */
    CsvReader(Reader in, int bufferSize) {
        this.in = in;
        this.buffer = new char[bufferSize];
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
        if (!available()) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(width);
        while (true) {
            boolean keep = keeps(fields.size());
            if (buffer[position] == '"') {
                position++;
                fields.add(quoted(keep));
            } else {
                fields.add(plain(keep));
            }
            // At the end of the input, or at the comma or line break after the field.
            if (!available()) {
                return done(fields);
            }
            char delimiter = buffer[position++];
            if (delimiter == ',') {
                if (!available()) {
                    fields.add("");
                    return done(fields);
                }
                continue;
            }
            if (delimiter == '\r' && available() && buffer[position] == '\n') {
                position++;
            }
            line++;
            return done(fields);
        }
    }

    private List<String> done(List<String> fields) {
        width = fields.size();
        return fields;
    }

    /**
     * An unquoted field, or the rest of a quoted one after its closing quote: up to the next comma, line
     * break or the end of the input, which it leaves unread. Copied straight out of the buffer when it
     * lies in it whole.
     */
    private String plain(boolean keep) throws IOException {
        int start = position;
        boolean spilled = false;
        while (true) {
            int end = start;
            while (end < limit) {
                char c = buffer[end];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                end++;
            }
            position = end;
            if (end < limit) {
                if (!keep) {
                    return "";
                }
                if (!spilled) {
                    return end == start ? "" : new String(buffer, start, end - start);
                }
                return spill.append(buffer, start, end - start).toString();
            }
            if (keep) {
                if (!spilled) {
                    spill.setLength(0);
                    spilled = true;
                }
                spill.append(buffer, start, end - start);
            }
            if (!refill()) {
                return keep ? spill.toString() : "";
            }
            start = position;
        }
    }

    /** A quoted field after its opening quote, with whatever follows its closing quote. */
    private String quoted(boolean keep) throws IOException {
        StringBuilder value = new StringBuilder();
        while (true) {
            if (!available()) {
                throw new IOException("line " + recordLine + ": a quoted field is not closed");
            }
            char c = buffer[position++];
            if (c == '"') {
                if (!available() || buffer[position] != '"') {
                    String rest = plain(keep);
                    return keep ? value.append(rest).toString() : "";
                }
                position++;
            } else if (c == '\n') {
                line++;
            }
            if (keep) {
                value.append(c);
            }
        }
    }

    private boolean keeps(int position) {
        return kept == null || (position < kept.length && kept[position]);
    }

    /** Whether a character is there to read, reading more of the input when the buffer is used up. */
    private boolean available() throws IOException {
        return position < limit || refill();
    }

    private boolean refill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
