package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile exports for both presets (ServiceNow, generic): cells of extreme dates, numbers and texts,
 * quotes, lone surrogates, ragged rows. Reading one ends with the rows it could read and an error per
 * row it could not, or an {@link IOException} naming the line of a broken quoted field; never another
 * exception, and every instant read lies in Pledge's range.
 */
class HostileExportsProperties {

    private static final List<String> SERVICENOW_COLUMNS =
            List.of("number", "incident_state", "sys_mod_count", "opened_at", "sys_updated_at", "priority");

    private static final List<String> GENERIC_COLUMNS =
            GenericFormat.FIELDS.stream().sorted().toList();

    @Property(tries = 300)
    void aServiceNowExportIsReadOrRefusedRowByRow(@ForAll("serviceNowExports") String csv) {
        assertReadOrRefused(() ->
                new ServiceNowFormat(ZoneId.of("Europe/Paris"), Map.of()).read(new StringReader(csv), rows -> {}));
    }

    @Property(tries = 300)
    void aGenericExportIsReadOrRefusedRowByRow(@ForAll("genericExports") String csv) {
        Map<String, String> mapping =
                GENERIC_COLUMNS.stream().collect(Collectors.toMap(field -> field, field -> field));
        assertReadOrRefused(() -> new GenericFormat(ZoneId.of("UTC"), mapping).read(new StringReader(csv), rows -> {}));
    }

    private static void assertReadOrRefused(Read read) {
        ImportFile file;
        try {
            file = read.read();
        } catch (IOException e) {
            assertThat(e.getMessage()).startsWith("line ");
            return;
        }
        for (ImportedTicket ticket : file.tickets()) {
            assertThat(ticket.createdAt()).isBetween(io.pledge.core.Instants.MIN, io.pledge.core.Instants.MAX);
        }
    }

    interface Read {
        ImportFile read() throws IOException;
    }

    @Provide
    Arbitrary<String> serviceNowExports() {
        return exports(SERVICENOW_COLUMNS);
    }

    @Provide
    Arbitrary<String> genericExports() {
        return exports(GENERIC_COLUMNS);
    }

    private static Arbitrary<String> exports(List<String> columns) {
        Arbitrary<String> header = Arbitraries.of(columns)
                .list()
                .ofMinSize(columns.size() - 1)
                .ofMaxSize(columns.size() + 1)
                .map(names -> String.join(",", names))
                .injectDuplicates(0.0);
        Arbitrary<String> fullHeader = Arbitraries.just(String.join(",", columns));
        Arbitrary<String> row =
                cell().list().ofMinSize(0).ofMaxSize(columns.size() + 2).map(cells -> String.join(",", cells));
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(9, fullHeader), net.jqwik.api.Tuple.of(1, header)),
                        row.list().ofMaxSize(8))
                .as((head, rows) -> head + "\n" + String.join("\n", rows));
    }

    private static Arbitrary<String> cell() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "INC0001",
                        "INC0002",
                        "1 - Critical",
                        "2 - High",
                        "P1",
                        "urgent",
                        "New",
                        "Resolved",
                        "Closed",
                        "In Progress",
                        "0",
                        "1",
                        "-1",
                        "99999999999999999999999",
                        "1e-999999999",
                        "27/03/2026 16:00",
                        "27/03/2026 16:00:59",
                        "31/12/9999 23:59",
                        "01/01/0000 00:00",
                        "31/02/2026 10:00",
                        "29/02/2100 10:00",
                        "01/01/1969 23:59",
                        "2026-03-27T16:00:00Z",
                        "-999999999-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z",
                        "0000-01-01",
                        "2199-12-31",
                        "2200-01-01",
                        "\"quoted, with comma\"",
                        "\"unterminated",
                        "\"\"\"\"",
                        "a\uD800b",
                        "\uDC00",
                        "\uFEFFnumber"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofLength(10_000));
    }
}
