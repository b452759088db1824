package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientId;
import io.pledge.core.Violations;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The import rules, without a database: chunks of growing size, what a re-import skips, how stored
 * tickets are numbered on, and which rows are refused with their line in each mode.
 */
class ImportChecksTest {

    private static final String SOURCE = "servicenow-acme";
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final Client acme = client("acme");
    private final Client globex = client("globex");
    private final List<RowError> errors = new ArrayList<>();
    private final Set<String> storedEventIds = new HashSet<>();
    private final Map<String, Ticket> storedTickets = new HashMap<>();
    private final Map<TicketId, Long> nextSeqs = new HashMap<>();
    private final List<Long> progress = new ArrayList<>();

    @Test
    void chunksStartSmallAndDoubleUpToTheLargest() {
        List<ImportedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 24_000; i++) {
            tickets.add(ticket("INC" + i, null, i + 2));
        }

        List<ImportChecks.Chunk> chunks = checkAll(tickets, ImportMode.ALL_OR_NOTHING);

        assertThat(chunks)
                .extracting(chunk -> chunk.created().current().size())
                .containsExactly(500, 1000, 2000, 4000, 8000, 8000, 500);
        assertThat(progress).containsExactly(500L, 1500L, 3500L, 7500L, 15_500L, 23_500L);
        assertThat(errors).isEmpty();
    }

    @Test
    void aNewTicketGetsItsCreatedEventThenItsEventsInTheFilesOrder() {
        List<ImportChecks.Chunk> chunks = checkAll(
                List.of(ticket("INC1", null, 2, event("INC1/1", "NOTE", 3), event("INC1/2", "RESOLVED", 4))),
                ImportMode.ALL_OR_NOTHING);

        ImportChecks.Chunk chunk = chunks.get(0);
        assertThat(chunk.events())
                .extracting(RecordedEvent::eventId, RecordedEvent::seq, RecordedEvent::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INC1/created", 1L, EventType.CREATED),
                        org.assertj.core.groups.Tuple.tuple("INC1/1", 2L, EventType.NOTE),
                        org.assertj.core.groups.Tuple.tuple("INC1/2", 3L, EventType.RESOLVED));
        assertThat(chunk.created().current()).extracting(Ticket::clientId).containsExactly(acme.id());
        assertThat(chunk.updated()).isEmpty();
    }

    @Test
    void aTicketOfANamedClientIsThatClients() {
        List<ImportChecks.Chunk> chunks = checkAll(List.of(ticket("INC1", "globex", 2)), ImportMode.ALL_OR_NOTHING);

        assertThat(chunks.get(0).created().current())
                .extracting(Ticket::clientId)
                .containsExactly(globex.id());
    }

    @Test
    void aReImportSkipsStoredEventsAndNumbersAStoredTicketsNewOnesOn() {
        Ticket stored = TicketDesk.build(
                acme, null, contract -> null, Priority.of("P2"), null, "INC1", null, null, CREATED, SOURCE, "INC1");
        storedTickets.put("INC1", stored);
        nextSeqs.put(stored.id(), 3L);
        storedEventIds.addAll(List.of("INC1/1", "INC2/1"));
        Ticket unchanged = TicketDesk.build(
                acme, null, contract -> null, Priority.of("P2"), null, "INC2", null, null, CREATED, SOURCE, "INC2");
        storedTickets.put("INC2", unchanged);

        List<ImportChecks.Chunk> chunks = checkAll(
                List.of(
                        ticket("INC1", null, 2, event("INC1/1", "NOTE", 3), event("INC1/2", "NOTE", 4)),
                        ticket("INC2", null, 5, event("INC2/1", "NOTE", 6))),
                ImportMode.ALL_OR_NOTHING);

        ImportChecks.Chunk chunk = chunks.get(0);
        assertThat(chunk.created().current()).isEmpty();
        assertThat(chunk.events())
                .extracting(RecordedEvent::eventId, RecordedEvent::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INC1/2", 3L));
        // A stored ticket without new events is left as it is.
        assertThat(chunk.updated()).containsExactly(stored);
    }

    @Test
    void anUnknownClientRefusesItsTicketWithItsLine() {
        List<ImportChecks.Chunk> chunks =
                checkAll(List.of(ticket("INC1", "initech", 7), ticket("INC2", null, 9)), ImportMode.SKIP_INVALID);

        assertThat(errors).containsExactly(new RowError(7, "client", "unknown client \"initech\""));
        assertThat(chunks.get(0).created().current())
                .extracting(ticket -> ticket.origin().externalId())
                .containsExactly("INC2");
    }

    @Test
    void skippingInvalidRowsKeepsTheTicketWithoutTheInvalidEvent() {
        List<ImportChecks.Chunk> chunks = checkAll(
                List.of(ticket(
                        "INC1",
                        null,
                        2,
                        event("INC1/1", "NOTE", 3),
                        event("INC1/2", "BOGUS", 4),
                        event("INC1/3", "RESOLVED", 5))),
                ImportMode.SKIP_INVALID);

        assertThat(errors).containsExactly(new RowError(4, "type", "unknown event type \"BOGUS\""));
        // The refused event takes no number.
        assertThat(chunks.get(0).events())
                .extracting(RecordedEvent::eventId, RecordedEvent::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INC1/created", 1L),
                        org.assertj.core.groups.Tuple.tuple("INC1/1", 2L),
                        org.assertj.core.groups.Tuple.tuple("INC1/3", 3L));
    }

    @Test
    void allOrNothingHandsNothingMoreOverOnceARowIsInvalidAndStillListsEveryInvalidRow() {
        List<ImportedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 1600; i++) {
            String id = "INC" + i;
            boolean invalid = i == 700 || i == 1550;
            tickets.add(ticket(id, null, i * 2 + 2, event(id + "/1", invalid ? "BOGUS" : "NOTE", i * 2 + 3)));
        }

        List<ImportChecks.Chunk> chunks = checkAll(tickets, ImportMode.ALL_OR_NOTHING);

        // The first chunk was handed over before the invalid row; the rest of the file is only checked.
        assertThat(chunks).extracting(chunk -> chunk.created().current().size()).containsExactly(500);
        assertThat(errors).extracting(RowError::line).containsExactly(1403, 3103);
    }

    @Test
    void aFailureWhileCheckingIsThrownOnTheWritingThread() {
        ImportChecks checks = checks(List.of(ticket("INC1", null, 2)), ImportMode.ALL_OR_NOTHING, true);
        Handover<ImportChecks.Chunk> handover = new Handover<>();
        CompletableFuture.runAsync(() -> checks.run(handover));

        assertThatThrownBy(handover::take)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no calendar for this policy");
    }

    @Test
    void checkingEndsOnceTheWritingThreadStopsTaking() throws Exception {
        List<ImportedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            tickets.add(ticket("INC" + i, null, i + 2));
        }
        ImportChecks checks = checks(tickets, ImportMode.ALL_OR_NOTHING, false);
        Handover<ImportChecks.Chunk> handover = new Handover<>();
        CompletableFuture<Void> checking = CompletableFuture.runAsync(() -> checks.run(handover));

        assertThat(handover.take()).isPresent();
        handover.stop();

        checking.get(5, TimeUnit.SECONDS);
        assertThat(progress).hasSizeLessThan(4);
    }

    private List<ImportChecks.Chunk> checkAll(List<ImportedTicket> tickets, ImportMode mode) {
        ImportChecks checks = checks(tickets, mode, false);
        Handover<ImportChecks.Chunk> handover = new Handover<>();
        CompletableFuture<Void> checking = CompletableFuture.runAsync(() -> checks.run(handover));
        List<ImportChecks.Chunk> chunks = new ArrayList<>();
        for (Optional<ImportChecks.Chunk> next = handover.take(); next.isPresent(); next = handover.take()) {
            chunks.add(next.get());
        }
        checking.join();
        return chunks;
    }

    private ImportChecks checks(List<ImportedTicket> tickets, ImportMode mode, boolean failing) {
        return new ImportChecks(
                new ImportFile(tickets, List.of(), tickets.size()),
                mode,
                acme,
                SOURCE,
                new ImportChecks.Stored(storedEventIds, storedTickets, nextSeqs),
                errors,
                new ProgressListener() {
                    @Override
                    public void rowsRead(long rows) {}

                    @Override
                    public void stored(long tickets, long events) {
                        progress.add(tickets);
                    }
                },
                new FakeDesk(List.of(acme, globex), failing));
    }

    private static ImportedTicket ticket(String externalId, String client, int line, ImportedTicket.Event... events) {
        return new ImportedTicket(
                externalId, client, CREATED, Priority.of("P2"), null, externalId, line, List.of(events));
    }

    private static ImportedTicket.Event event(String eventId, String type, int line) {
        return new ImportedTicket.Event(
                eventId,
                new TicketEventDocument(
                        type, CREATED.plusSeconds(line).toString(), null, null, null, null, null, null, null),
                line);
    }

    private static Client client(String slug) {
        return new Client(ClientId.random(), new ClientDetails(slug, slug, ZoneOffset.UTC, List.of()), NOW, NOW);
    }

    private static RecordedEvent recorded(Ticket ticket, EventType kind, long seq, String eventId, Instant at) {
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                seq,
                kind,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ticket.origin().source(),
                eventId,
                NOW,
                null);
    }

    /** Clients by slug; tickets without contracts; event types checked by name; no clocks. */
    private record FakeDesk(List<Client> clients, boolean failing) implements ImportChecks.Desk {

        @Override
        public Optional<Client> client(String reference) {
            return clients.stream()
                    .filter(client -> client.slug().equals(reference))
                    .findFirst();
        }

        @Override
        public Ticket open(Client client, ImportedTicket imported, String source) {
            return TicketDesk.build(
                    client,
                    null,
                    contract -> null,
                    imported.priority(),
                    imported.service(),
                    imported.subject(),
                    null,
                    null,
                    imported.createdAt(),
                    source,
                    imported.externalId());
        }

        @Override
        public RecordedEvent created(Ticket ticket, String eventId) {
            return recorded(ticket, EventType.CREATED, 1, eventId, ticket.createdAt());
        }

        @Override
        public RecordedEvent event(
                Ticket ticket, TicketEventDocument document, String eventId, long seq, Violations violations) {
            try {
                return recorded(ticket, EventType.valueOf(document.type()), seq, eventId, Instant.parse(document.at()));
            } catch (IllegalArgumentException e) {
                violations.add("type", "unknown event type \"" + document.type() + "\"");
                return null;
            }
        }

        @Override
        public ClockRefresh.Evaluated evaluate(List<Ticket> created, Map<TicketId, List<RecordedEvent>> timelines) {
            if (failing) {
                throw new IllegalStateException("no calendar for this policy");
            }
            return new ClockRefresh.Evaluated(created, Map.of());
        }
    }
}
