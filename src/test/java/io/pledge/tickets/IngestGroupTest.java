package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientId;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.tickets.Ingest.BatchResult;
import io.pledge.tickets.Ingest.Outcome;
import io.pledge.tickets.Ingest.Request;
import io.pledge.tickets.Ingest.Result;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ingest rules, without a database: duplicates, which ticket an event is for (per client), refusals,
 * and the order and numbering of what a group stores.
 */
class IngestGroupTest {

    private static final String SOURCE = "psa";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final Client acme = client("acme");
    private final Client globex = client("globex");
    private final IngestGroup group = new IngestGroup(new FakeChecks(List.of(acme, globex)));

    @Test
    void anEventIdStoredAlreadyOrEarlierInTheGroupIsADuplicate() {
        group.storedEventIds(SOURCE, List.of("e0"));

        BatchResult first = group.add(request(false, created("T1", "e1", "acme"), note("T1", "e0"), note("T1", "e1")));
        BatchResult second = group.add(request(false, note("T1", "e1")));

        assertThat(outcomes(first)).containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(outcomes(second)).containsExactly(Outcome.DUPLICATE);
        assertThat(group.accepted()).extracting(RecordedEvent::eventId).containsExactly("e1");
    }

    @Test
    void anEventIdOfAnotherSourceIsNoDuplicate() {
        group.storedEventIds("other", List.of("e1"));

        assertThat(outcomes(group.add(request(false, created("T1", "e1", "acme")))))
                .containsExactly(Outcome.ACCEPTED);
    }

    @Test
    void aRejectedRequestStoresNothingAndLeavesTheGroupAsItWas() {
        BatchResult refused = group.add(request(false, created("T1", "e1", "acme"), note("T404", "e2")));
        BatchResult after = group.add(request(false, created("T1", "e1", "acme")));

        assertThat(refused.stored()).isFalse();
        assertThat(outcomes(refused)).containsExactly(Outcome.NOT_STORED, Outcome.REJECTED);
        assertThat(refused.results().get(1).errors())
                .extracting(Violation::field)
                .containsExactly("events[1].externalId");
        // The ticket and event id the refused request would have stored are new again.
        assertThat(outcomes(after)).containsExactly(Outcome.ACCEPTED);
        assertThat(group.created()).hasSize(1);
        assertThat(group.accepted()).extracting(RecordedEvent::eventId).containsExactly("e1");
    }

    @Test
    void aPartialRequestStoresWhatIsValid() {
        BatchResult result = group.add(request(true, created("T1", "e1", "acme"), note("T404", "e2"), null));

        assertThat(result.stored()).isTrue();
        assertThat(outcomes(result)).containsExactly(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.REJECTED);
        assertThat(result.results().get(2).errors()).containsExactly(new Violation("events[2]", "must be an object"));
        assertThat(group.accepted()).extracting(RecordedEvent::eventId).containsExactly("e1");
    }

    @Test
    void anEventWithoutItsClientIsForTheOnlyTicketOfItsExternalId() {
        Ticket stored = stored(acme, "T1", 2);

        BatchResult result = group.add(request(false, note("T1", "e3")));

        assertThat(result.results().get(0).ticket()).isEqualTo(stored.id());
        assertThat(group.accepted()).extracting(RecordedEvent::seq).containsExactly(3L);
    }

    @Test
    void anEventNamingItsClientIsForThatClientsTicket() {
        stored(acme, "T1", 1);
        Ticket globexTicket = stored(globex, "T1", 1);

        BatchResult result = group.add(request(false, withClient(note("T1", "e2"), "globex")));

        assertThat(outcomes(result)).containsExactly(Outcome.ACCEPTED);
        assertThat(result.results().get(0).ticket()).isEqualTo(globexTicket.id());
        assertThat(group.updated()).containsExactly(globexTicket);
    }

    @Test
    void anEventThatCouldBeForSeveralClientsTicketsAsksForItsClient() {
        stored(acme, "T1", 1);
        stored(globex, "T1", 1);

        BatchResult result = group.add(request(false, note("T1", "e2")));

        assertThat(outcomes(result)).containsExactly(Outcome.REJECTED);
        assertThat(result.results().get(0).errors())
                .containsExactly(new Violation(
                        "events[0].client", "external id \"T1\" names tickets of 2 clients: give the event's client"));
    }

    @Test
    void anEventNamingAnotherClientThanItsTicketsIsRefusedNamingBoth() {
        stored(acme, "T1", 1);

        BatchResult result = group.add(request(false, withClient(note("T1", "e2"), "globex")));

        assertThat(outcomes(result)).containsExactly(Outcome.REJECTED);
        assertThat(result.results().get(0).errors())
                .containsExactly(new Violation(
                        "events[0].client",
                        "the event names client \"globex\", but ticket \"T1\" belongs to client \"acme\""));
        assertThat(group.accepted()).isEmpty();
    }

    @Test
    void aCreationForAnotherClientOpensThatClientsTicket() {
        Ticket acmeTicket = stored(acme, "T1", 1);

        BatchResult result = group.add(request(false, created("T1", "g1", "globex")));

        assertThat(outcomes(result)).containsExactly(Outcome.ACCEPTED);
        assertThat(result.results().get(0).ticket()).isNotEqualTo(acmeTicket.id());
        assertThat(group.created()).extracting(Ticket::clientId).containsExactly(globex.id());
    }

    @Test
    void anUnknownClientIsRefused() {
        BatchResult result = group.add(request(false, created("T1", "e1", "initech")));

        assertThat(result.results().get(0).errors())
                .containsExactly(new Violation("events[0].client", "unknown client \"initech\""));
    }

    @Test
    void aTicketIsCreatedOnce() {
        Ticket ticket = stored(acme, "T1", 1);

        BatchResult result = group.add(request(false, created("T1", "e9", "acme")));

        assertThat(outcomes(result)).containsExactly(Outcome.REJECTED);
        assertThat(result.results().get(0).ticket()).isEqualTo(ticket.id());
        assertThat(result.results().get(0).errors())
                .containsExactly(new Violation("events[0].type", "ticket \"T1\" was created already"));
    }

    @Test
    void anEventOfATicketNotSeenYetWithClientAndPriorityOpensItFirst() {
        IngestEvent event = withClient(note("T7", "e1"), "acme");
        IngestEvent withPriority = new IngestEvent(
                event.eventId(),
                event.externalId(),
                event.type(),
                event.at(),
                "P2",
                null,
                null,
                null,
                null,
                null,
                null,
                event.client(),
                null,
                null,
                null,
                null);

        BatchResult result = group.add(request(false, withPriority));

        assertThat(outcomes(result)).containsExactly(Outcome.ACCEPTED);
        // Its CREATED event carries no event id of the sender's; the sender's event comes second.
        assertThat(group.accepted())
                .extracting(RecordedEvent::kind, RecordedEvent::seq, RecordedEvent::eventId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventType.CREATED, 1L, null),
                        org.assertj.core.groups.Tuple.tuple(EventType.NOTE, 2L, "e1"));
    }

    @Test
    void eventsAreNumberedOnFromTheStoredOnesAcrossTheRequestsOfAGroup() {
        Ticket ticket = stored(acme, "T1", 3);

        group.add(request(false, note("T1", "e4")));
        group.add(request(false, note("T1", "e5"), note("T1", "e6")));

        assertThat(group.accepted()).extracting(RecordedEvent::seq).containsExactly(4L, 5L, 6L);
        assertThat(group.timelines().get(ticket.id()))
                .extracting(RecordedEvent::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(group.updated()).containsExactly(ticket);
    }

    @Test
    void anInvalidEventIsRefusedWithTheDesksViolations() {
        stored(acme, "T1", 1);
        IngestEvent bad = new IngestEvent(
                "e2", "T1", "BOGUS", null, null, null, null, null, null, null, null, null, null, null, null, null);

        BatchResult result = group.add(request(true, bad, note("T1", "e3")));

        assertThat(outcomes(result)).containsExactly(Outcome.REJECTED, Outcome.ACCEPTED);
        assertThat(result.results().get(0).errors())
                .extracting(Violation::field)
                .containsExactly("events[0].type");
        // The refused event took no number.
        assertThat(group.accepted()).extracting(RecordedEvent::seq).containsExactly(2L);
    }

    @Test
    void newTicketsAndTheirEventsAreWrittenInTheOrderTheyCame() {
        group.add(request(false, created("T1", "a", "acme"), created("T2", "b", "acme")));
        group.add(request(false, note("T2", "c"), note("T1", "d")));

        assertThat(group.created())
                .extracting(ticket -> ticket.origin().externalId())
                .containsExactly("T1", "T2");
        assertThat(group.accepted()).extracting(RecordedEvent::eventId).containsExactly("a", "b", "c", "d");
        assertThat(group.updated()).isEmpty();
        assertThat(group.tickets()).hasSize(2);
    }

    private Ticket stored(Client client, String externalId, int events) {
        Ticket ticket = TicketDesk.build(
                client,
                null,
                contract -> null,
                Priority.of("P2"),
                null,
                externalId,
                null,
                null,
                NOW.minusSeconds(3600),
                SOURCE,
                externalId);
        List<RecordedEvent> timeline = new ArrayList<>();
        for (int seq = 1; seq <= events; seq++) {
            timeline.add(recorded(ticket, seq == 1 ? EventType.CREATED : EventType.NOTE, seq, "s" + seq));
        }
        group.storedTicket(ticket, timeline);
        return ticket;
    }

    private static Request request(boolean partial, IngestEvent... events) {
        return new Request(SOURCE, Arrays.asList(events), partial);
    }

    private static IngestEvent created(String externalId, String eventId, String client) {
        return new IngestEvent(
                eventId,
                externalId,
                "CREATED",
                null,
                "P2",
                null,
                null,
                null,
                null,
                null,
                null,
                client,
                null,
                null,
                null,
                null);
    }

    private static IngestEvent note(String externalId, String eventId) {
        return new IngestEvent(
                eventId,
                externalId,
                "NOTE",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static IngestEvent withClient(IngestEvent event, String client) {
        return new IngestEvent(
                event.eventId(),
                event.externalId(),
                event.type(),
                event.at(),
                event.priority(),
                null,
                null,
                null,
                null,
                null,
                null,
                client,
                null,
                null,
                null,
                null);
    }

    private static List<Outcome> outcomes(BatchResult result) {
        return result.results().stream().map(Result::outcome).toList();
    }

    private static Client client(String slug) {
        return new Client(ClientId.random(), new ClientDetails(slug, slug, ZoneOffset.UTC, List.of()), NOW, NOW);
    }

    private static RecordedEvent recorded(Ticket ticket, EventType kind, long seq, String eventId) {
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                seq,
                kind,
                NOW,
                kind == EventType.CREATED ? ticket.priority() : null,
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

    /** Clients by slug or id; tickets without contracts; event types checked by name, nothing more. */
    private record FakeChecks(List<Client> clients) implements IngestGroup.Checks {

        @Override
        public Optional<Client> client(String reference) {
            return clients.stream()
                    .filter(client -> client.slug().equals(reference)
                            || client.id().toString().equals(reference))
                    .findFirst();
        }

        @Override
        public Ticket draft(TicketDocument document, Violations violations, String prefix) {
            Client client = client(document.client())
                    .orElseThrow(() -> new UnprocessableException(
                            prefix + "client", "unknown client \"" + document.client() + "\""));
            return TicketDesk.build(
                    client,
                    null,
                    contract -> null,
                    Priority.of(document.priority()),
                    null,
                    document.subject(),
                    null,
                    null,
                    NOW.minusSeconds(60),
                    document.source(),
                    document.externalId());
        }

        @Override
        public RecordedEvent created(Ticket ticket, String eventId) {
            return recorded(ticket, EventType.CREATED, 1, eventId);
        }

        @Override
        public RecordedEvent event(
                Ticket ticket,
                TicketEventDocument document,
                String eventId,
                long seq,
                Violations violations,
                String prefix) {
            EventType kind;
            try {
                kind = EventType.valueOf(document.type());
            } catch (IllegalArgumentException e) {
                violations.add(prefix + "type", "unknown event type \"" + document.type() + "\"");
                return null;
            }
            return recorded(ticket, kind, seq, eventId);
        }
    }
}
