package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvReader csv =
                new CsvReader(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n"));

        assertThat(csv.next()).containsExactly("a", "b", "c");
        assertThat(csv.line()).isEqualTo(1);
        assertThat(csv.next()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(csv.line()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("last", "", "");
        assertThat(csv.line()).isEqualTo(4);
        assertThat(csv.next()).isNull();
    }

    @Test
    void fieldsNotKeptComeBackEmptyAndTheRecordsStayAligned() throws IOException {
        CsvReader csv = new CsvReader(
                new StringReader("a,b,c,d\nskip \"me\",\"keep, \"\"me\"\"\",\"skip\nme\",kept\nno commas here\n"));
        assertThat(csv.next()).containsExactly("a", "b", "c", "d");
        csv.keepOnly(List.of(1, 3));

        assertThat(csv.next()).containsExactly("", "keep, \"me\"", "", "kept");
        assertThat(csv.line()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("");
        assertThat(csv.line()).isEqualTo(4);
        assertThat(csv.next()).isNull();
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        CsvReader csv = new CsvReader(new StringReader("a\n\"open,b\n"));

        assertThatThrownBy(() -> {
                    List<List<String>> all = new ArrayList<>();
                    for (List<String> row = csv.next(); row != null; row = csv.next()) {
                        all.add(row);
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }
}
