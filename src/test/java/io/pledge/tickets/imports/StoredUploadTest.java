package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rows an upload holds, counted while it is copied, are the rows the import reads: the records after
 * the header that {@link CsvReader} gives, blank ones left out as the formats leave them out.
 */
class StoredUploadTest {

    @Test
    void countsTheRowsTheImportReads() throws IOException {
        assertThat(rows("number,state\nINC1,New\nINC2,Closed\n")).isEqualTo(2);
        assertThat(rows("number,state\r\nINC1,New\r\nINC2,Closed")).isEqualTo(2);
        assertThat(rows("number,notes\nINC1,\"two\nlines, and \"\"quotes\"\"\"\nINC2,x\n"))
                .isEqualTo(2);
        assertThat(rows("number\n\nINC1\n   \n\"\"\nINC2\n\n")).isEqualTo(2);
        assertThat(rows("number,state\n")).isZero();
        assertThat(rows("")).isZero();
        assertThat(rows("a,b\rc,d\re,f")).isEqualTo(2);
        assertThat(rows("a,b\nx\"y,\"z\"w\n,\n")).isEqualTo(2);
    }

    @Test
    void agreesWithTheReaderOnRandomFiles() throws IOException {
        Random random = new Random(17);
        String alphabet = "ab ,\"\n\r\t";
        int compared = 0;
        for (int file = 0; file < 3000; file++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Long read = readerRows(text.toString());
            if (read != null) {
                assertThat(rows(text.toString()))
                        .as(text.toString().replace("\n", "\\n").replace("\r", "\\r"))
                        .isEqualTo(read);
                compared++;
            }
        }
        // Files with a quote left open are refused by the reader (the import fails): the others are compared.
        assertThat(compared).isGreaterThan(1000);
    }

    private static long rows(String csv) throws IOException {
        StoredUpload stored = StoredUpload.store(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(Files.readString(stored.file())).isEqualTo(csv);
            return stored.rows();
        } finally {
            Files.delete(stored.file());
        }
    }

    /**
     * What the formats count: every record after the first, but those of one blank field; null when the
     * reader refuses the file (a quoted field never closed), as the import then does.
     */
    private static Long readerRows(String csv) {
        try (CsvReader reader = new CsvReader(new StringReader(csv), 7)) {
            if (reader.next() == null) {
                return 0L;
            }
            long rows = 0;
            List<String> fields;
            while ((fields = reader.next()) != null) {
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    rows++;
                }
            }
            return rows;
        } catch (IOException refused) {
            return null;
        }
    }
}
