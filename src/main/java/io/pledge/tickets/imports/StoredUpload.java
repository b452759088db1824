package io.pledge.tickets.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded CSV file copied to a file of its own for the import that reads it, and how many rows it
 * holds, counted in the same pass as the copy: the records after the header, as {@code CsvReader} splits
 * them (a line break inside a quoted field is no new record) and as the formats count them (a blank record
 * is no row). The import's progress is then exact: rows read against rows held.
 *
 * @param file the copy; it belongs to the import that is given it, which deletes it
 * @param rows the rows after the header
 */
public record StoredUpload(Path file, long rows) {

    /** Copies {@code upload} to a temporary file, counting its rows; on failure nothing is left behind. */
    public static StoredUpload store(InputStream upload) throws IOException {
        Path copy = Files.createTempFile("pledge-import-", ".csv");
        try (InputStream in = upload;
                OutputStream out = Files.newOutputStream(copy)) {
            RowCounter counter = new RowCounter();
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                counter.read(buffer, read);
                out.write(buffer, 0, read);
            }
            return new StoredUpload(copy, counter.rows());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /**
     * Counts records the way {@code CsvReader} reads them, byte by byte (the characters that matter are
     * ASCII, so UTF-8 needs no decoding): a quote opens a quoted field only as its first character, two
     * quotes inside one stand for one, a comma or a line break ({@code \n}, {@code \r\n} or {@code \r})
     * outside quotes ends a field or a record. A record is blank when it has one field of white space only.
     */
    static final class RowCounter {

        private long records;
        private boolean atFieldStart = true;
        private boolean quoted;
        /** A quote just seen inside a quoted field: the field's end, or the first of two. */
        private boolean quoteSeen;

        private boolean afterCarriageReturn;
        /** The record so far has a comma or a character that is not white space. */
        private boolean filled;
        /** Anything read since the last record ended. */
        private boolean started;

        void read(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                next(bytes[i]);
            }
        }

        private void next(byte b) {
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b == '\n') {
                    return;
                }
            }
            if (quoted) {
                if (quoteSeen) {
                    quoteSeen = false;
                    if (b == '"') {
                        filled = true;
                        return;
                    }
                    quoted = false; // the closing quote: what follows is read as plain text
                } else {
                    if (b == '"') {
                        quoteSeen = true;
                    } else if (!blank(b)) {
                        filled = true;
                    }
                    return;
                }
            }
            started = true;
            if (b == ',') {
                filled = true;
                atFieldStart = true;
            } else if (b == '\n' || b == '\r') {
                endRecord();
                afterCarriageReturn = b == '\r';
            } else if (b == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else {
                atFieldStart = false;
                if (!blank(b)) {
                    filled = true;
                }
            }
        }

        private void endRecord() {
            if (filled || records == 0) {
                records++;
            }
            filled = false;
            started = false;
            atFieldStart = true;
        }

        private static boolean blank(byte b) {
            return b == ' '
                    || b == '\t'
                    || b == '\n'
                    || b == '\r'
                    || b == 0x0B
                    || b == '\f'
                    || (b >= 0x1C && b <= 0x1F);
        }

        /** The rows after the header, once every byte is read. */
        long rows() {
            long all = records + ((started || quoted) && (filled || records == 0) ? 1 : 0);
            return Math.max(0, all - 1);
        }
    }
}
