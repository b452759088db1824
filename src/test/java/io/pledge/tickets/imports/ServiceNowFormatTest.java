package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.support.RealServiceNowExport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNowFormatTest {

    private static final String HEADER =
            "number,incident_state,active,sys_mod_count,opened_at,sys_updated_at,priority\n";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void stateChangesBecomeEventsInModificationOrder() throws IOException {
        ImportFile file = read("""
                INC1,New,true,0,28/5/2025 17:54,28/5/2025 17:56,3 - Moderate
                INC1,Awaiting User Info,true,2,28/5/2025 17:54,28/5/2025 19:00,2 - High
                INC1,Active,true,1,28/5/2025 17:54,28/5/2025 18:00,3 - Moderate
                INC1,Resolved,true,3,28/5/2025 17:54,29/5/2025 09:00,2 - High
                INC1,Active,true,4,28/5/2025 17:54,29/5/2025 10:00,2 - High
                INC1,Awaiting Vendor,true,5,28/5/2025 17:54,29/5/2025 11:00,2 - High
                INC1,Closed,false,6,28/5/2025 17:54,30/5/2025 11:00,2 - High
                INC2,New,true,0,1/6/2025 08:00,1/6/2025 08:00,1 - Critical
                """, Map.of());

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).isEqualTo(8);
        ImportedTicket first = file.tickets().get(0);
        assertThat(first.externalId()).isEqualTo("INC1");
        assertThat(first.priority()).isEqualTo(Priority.of("P3"));
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-05-28T15:54:00Z"));
        assertThat(first.events())
                .extracting(event -> event.document().type() + " "
                        + (event.document().status() == null
                                ? ""
                                : event.document().status())
                        + (event.document().priority() == null
                                ? ""
                                : event.document().priority()))
                .containsExactly(
                        "STATUS_CHANGED IN_PROGRESS",
                        "PRIORITY_CHANGED P2",
                        "STATUS_CHANGED WAITING_ON_CUSTOMER",
                        "RESOLVED ",
                        "REOPENED ",
                        "STATUS_CHANGED IN_PROGRESS",
                        "STATUS_CHANGED WAITING_ON_VENDOR",
                        "CLOSED ");
        assertThat(first.events()).extracting(ImportedTicket.Event::eventId).doesNotHaveDuplicates();
        assertThat(file.tickets().get(1).priority()).isEqualTo(Priority.of("P1"));
    }

    @Test
    void unknownValuesAreReportedPerRowAndTheRestIsKept() throws IOException {
        ImportFile file = read("""
                INC1,New,true,0,28/5/2025 17:54,28/5/2025 17:56,3 - Moderate
                INC1,-100,true,1,28/5/2025 17:54,28/5/2025 18:00,3 - Moderate
                INC1,Resolved,true,2,28/5/2025 17:54,28/5/2025 19:00,9 - Whatever
                INC1,Resolved,true,3,28/5/2025 17:54,28/5/2025 20:00,3 - Moderate
                INC2,New,true,0,31/2/2025 08:00,1/3/2025 08:00,1 - Critical
                """, Map.of());

        assertThat(file.errors())
                .extracting(RowError::toString)
                .containsExactly(
                        "line 3, incident_state: unknown state \"-100\"",
                        "line 4, priority: unknown priority \"9 - Whatever\"",
                        "line 6, opened_at: \"31/2/2025 08:00\" is not a D/M/YYYY HH:MM time");
        assertThat(file.tickets()).hasSize(1);
        assertThat(file.tickets().get(0).events())
                .extracting(e -> e.document().type())
                .containsExactly("RESOLVED");
    }

    @Test
    void rowsOfAnIncidentAreGroupedWhereverTheyAre() throws IOException {
        ImportFile file = read("""
                INC1,New,true,0,28/5/2025 17:54,28/5/2025 17:56,3 - Moderate
                INC2,New,true,0,28/5/2025 18:00,28/5/2025 18:00,2 - High
                INC1,Resolved,true,1,28/5/2025 17:54,28/5/2025 19:00,3 - Moderate
                """, Map.of());

        assertThat(file.tickets()).extracting(ImportedTicket::externalId).containsExactly("INC1", "INC2");
        assertThat(file.tickets().get(0).events())
                .extracting(e -> e.document().type())
                .containsExactly("RESOLVED");
    }

    @Test
    void awaitingStatesAreMappedAsTheImportSays() throws IOException {
        String rows = "INC1,Awaiting Problem,true,0,28/5/2025 17:54,28/5/2025 17:56,3 - Moderate\n";

        assertThat(read(rows, Map.of())
                        .tickets()
                        .get(0)
                        .events()
                        .get(0)
                        .document()
                        .status())
                .isEqualTo("IN_PROGRESS");
        assertThat(read(rows, Map.of("Awaiting Problem", TicketStatus.WAITING_ON_VENDOR))
                        .tickets()
                        .get(0)
                        .events()
                        .get(0)
                        .document()
                        .status())
                .isEqualTo("WAITING_ON_VENDOR");
    }

    @Test
    void readsTheSampleExport() throws IOException {
        Path sample = Path.of("src/test/resources/servicenow-incident-events.csv");
        try (var reader = Files.newBufferedReader(sample)) {
            ImportFile file = new ServiceNowFormat(PARIS, Map.of()).read(reader, rows -> {});

            assertThat(file.errors()).isEmpty();
            assertThat(file.rows()).isEqualTo(1580);
            assertThat(file.tickets()).hasSize(300);
        }
    }

    @Test
    void readsAnExportShapedLikeARealOneRefusingOnlyItsOddStates(@TempDir Path folder) throws IOException {
        Path export = folder.resolve("export.csv");
        RealServiceNowExport.Written written =
                RealServiceNowExport.write(export, 60_000, LocalDateTime.of(2025, 1, 2, 8, 0), 42);
        List<String> lines = Files.readAllLines(export);
        try (var reader = Files.newBufferedReader(export)) {
            ImportFile file = new ServiceNowFormat(PARIS, Map.of()).read(reader, rows -> {});

            assertThat(written.oddStates()).isPositive();
            assertThat(written.outOfOrder()).isPositive();
            assertThat(file.rows()).isEqualTo(written.rows());
            assertThat(file.tickets()).hasSize(written.incidents());
            assertThat(file.errors()).hasSize(written.oddStates()).allSatisfy(error -> {
                assertThat(error.column()).isEqualTo("incident_state");
                assertThat(lines.get(error.line() - 1)).contains(",-100,");
            });
        }
    }

    private static ImportFile read(String rows, Map<String, TicketStatus> overrides) throws IOException {
        return new ServiceNowFormat(PARIS, overrides).read(new StringReader(HEADER + rows), count -> {});
    }
}
