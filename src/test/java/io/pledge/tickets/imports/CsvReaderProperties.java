package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link CsvReader} copies fields straight out of its buffer; it reads any text as the character by
 * character reader before it did ({@link CsvReaderReference}): the same fields, lines and errors, with
 * any buffer size (tiny ones put the buffer's end inside every kind of field) and any columns kept.
 */
class CsvReaderProperties {

    @Property(tries = 3000)
    void readsAsTheCharacterByCharacterReader(
            @ForAll("csv") String text,
            @ForAll @IntRange(min = 1, max = 9) int bufferSize,
            @ForAll @Size(max = 4) Set<@IntRange(min = 0, max = 5) Integer> kept,
            @ForAll boolean keepAll) {
        CsvReader reader = new CsvReader(new StringReader(text), bufferSize);
        CsvReaderReference reference = new CsvReaderReference(new StringReader(text));
        Set<Integer> columns = keepAll ? null : kept;

        assertThat(records(new Csv(reader::next, reader::line, reader::keepOnly), columns))
                .isEqualTo(records(new Csv(reference::next, reference::line, reference::keepOnly), columns));
    }

    @Provide
    Arbitrary<String> csv() {
        return Arbitraries.strings().withChars("ab,\"\r\n ").ofMaxLength(60);
    }

    private static List<String> records(Csv csv, Set<Integer> kept) {
        List<String> records = new ArrayList<>();
        try {
            boolean header = true;
            for (List<String> fields = csv.next().read();
                    fields != null;
                    fields = csv.next().read()) {
                records.add(csv.line().getAsInt() + " "
                        + fields.stream().map(field -> "<" + field + ">").toList());
                if (header && kept != null) {
                    csv.keepOnly().accept(kept);
                }
                header = false;
            }
        } catch (IOException e) {
            records.add(e.getMessage());
        }
        return records;
    }

    /** Either reader, by its three methods. */
    private record Csv(Next next, IntSupplier line, Consumer<Set<Integer>> keepOnly) {}

    private interface Next {
        List<String> read() throws IOException;
    }
}
