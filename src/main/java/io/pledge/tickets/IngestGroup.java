package io.pledge.tickets;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.tickets.Ingest.BatchResult;
import io.pledge.tickets.Ingest.Outcome;
import io.pledge.tickets.Ingest.Request;
import io.pledge.tickets.Ingest.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ingest rules for a group of requests stored together. Each request is checked against what the
 * requests before it in the group stored; its own changes are kept apart until it is known to store (a
 * request with an invalid event and without {@code partial} stores nothing and leaves the group as it
 * was).
 *
 * <p>Plain code: what the group's events refer to in the database is given to it before the first
 * request ({@link #storedEventIds}, {@link #storedTicket}), what it asks of the desk goes through
 * {@link Checks}, and what it decided to write is read afterwards.
 */
final class IngestGroup {

    /** What the rules ask of the desk and the catalog; each validates as {@link TicketDesk} does. */
    interface Checks {

        /** A client by id or slug. */
        Optional<Client> client(String reference);

        /** A new ticket from its document; throws as {@link TicketDesk#draft} does. */
        Ticket draft(TicketDocument document, Violations violations, String prefix);

        /** The CREATED event of a new ticket. */
        RecordedEvent created(Ticket ticket, String eventId);

        /** An event for a ticket; null when invalid, with its violations recorded under {@code prefix}. */
        RecordedEvent event(
                Ticket ticket,
                TicketEventDocument document,
                String eventId,
                long seq,
                Violations violations,
                String prefix);
    }

    private final Checks checks;
    private final State group = new State();
    /** The stored events of the stored tickets the group touches. */
    private final Map<TicketId, List<RecordedEvent>> stored = new HashMap<>();

    IngestGroup(Checks checks) {
        this.checks = checks;
    }

    /** The event ids of the requests, by source: those to look up among the stored ones. */
    static Map<String, Set<String>> eventIds(List<Request> requests) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (Request request : requests) {
            for (IngestEvent event : request.events()) {
                if (event != null && event.eventId() != null) {
                    ids.computeIfAbsent(request.source(), s -> new LinkedHashSet<>())
                            .add(event.eventId());
                }
            }
        }
        return ids;
    }

    /** The external ids of the requests, by source: the tickets to lock. */
    static Map<String, Set<String>> externalIds(List<Request> requests) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (Request request : requests) {
            for (IngestEvent event : request.events()) {
                if (event != null && event.externalId() != null) {
                    ids.computeIfAbsent(request.source(), s -> new LinkedHashSet<>())
                            .add(event.externalId());
                }
            }
        }
        return ids;
    }

    /** Event ids of a source stored already: the group reports them as duplicates. */
    void storedEventIds(String source, Collection<String> eventIds) {
        eventIds.forEach(id -> group.seen.add(key(source, id)));
    }

    /** A stored ticket the group's events may be for (locked by the caller), with its stored events. */
    void storedTicket(Ticket ticket, List<RecordedEvent> events) {
        group.known
                .computeIfAbsent(key(ticket.origin().source(), ticket.origin().externalId()), k -> new ArrayList<>())
                .add(ticket);
        stored.put(ticket.id(), events);
        group.nextSeq.put(
                ticket.id(), events.stream().mapToLong(RecordedEvent::seq).max().orElse(0) + 1);
    }

    /** Checks one request's events; when the request stores, its events join the group's writes. */
    BatchResult add(Request request) {
        State draft = new State();
        List<IngestEvent> events = request.events();
        List<Result> results = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            results.add(check(request.source(), events.get(i), i, draft));
        }
        boolean anyRejected = results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED);
        if (anyRejected && !request.partial()) {
            List<Result> notStored = results.stream()
                    .map(r -> r.outcome() == Outcome.ACCEPTED
                            ? new Result(r.eventId(), Outcome.NOT_STORED, null, List.of())
                            : r)
                    .toList();
            return new BatchResult(false, notStored);
        }
        // A ticket created by an event rejected later in the batch is still stored under partial.
        group.merge(draft);
        return new BatchResult(true, results);
    }

    /** Checks one event, adding what it stores to the request's draft. */
    private Result check(String source, IngestEvent event, int index, State draft) {
        Violations violations = new Violations();
        String prefix = "events[" + index + "].";
        if (event == null) {
            violations.add("events[" + index + "]", "must be an object");
            return rejected(null, null, violations.list());
        }
        String eventId = violations.under(prefix).text("eventId", event.eventId(), 200);
        String externalId = violations.under(prefix).text("externalId", event.externalId(), 200);
        if (eventId != null && seen(draft, key(source, eventId))) {
            return new Result(eventId, Outcome.DUPLICATE, null, List.of());
        }
        if (!violations.isEmpty()) {
            return rejected(eventId, null, violations.list());
        }
        String ticketKey = key(source, externalId);
        boolean creation = "CREATED".equalsIgnoreCase(event.type());
        try {
            Ticket ticket = ticketOf(known(draft, ticketKey), event, creation, prefix);
            if (ticket == null) {
                if (!creation && (event.client() == null || event.priority() == null)) {
                    violations.add(
                            prefix + "externalId",
                            "unknown ticket \"" + externalId
                                    + "\": send its CREATED event first, or give client and priority");
                    return rejected(eventId, null, violations.list());
                }
                ticket = checks.draft(event.ticket(source), violations, prefix);
                draft.known.computeIfAbsent(ticketKey, k -> new ArrayList<>()).add(ticket);
                draft.created.add(ticket);
                draft.accepted.add(checks.created(ticket, creation ? eventId : null));
                draft.nextSeq.put(ticket.id(), 2L);
                if (creation) {
                    draft.seen.add(key(source, eventId));
                    return new Result(eventId, Outcome.ACCEPTED, ticket.id(), List.of());
                }
            } else if (creation) {
                violations.add(prefix + "type", "ticket \"" + externalId + "\" was created already");
                return rejected(eventId, ticket.id(), violations.list());
            }
            long seq = nextSeq(draft, ticket.id());
            RecordedEvent recorded = checks.event(ticket, event.event(), eventId, seq, violations, prefix);
            if (recorded == null) {
                return rejected(eventId, ticket.id(), violations.list());
            }
            draft.nextSeq.put(ticket.id(), seq + 1);
            draft.accepted.add(recorded);
            if (stored.containsKey(ticket.id())) {
                draft.updated.put(ticket.id(), ticket);
            }
            draft.seen.add(key(source, eventId));
            return new Result(eventId, Outcome.ACCEPTED, ticket.id(), List.of());
        } catch (InvalidRequestException | UnprocessableException e) {
            return rejected(eventId, null, errors(e));
        }
    }

    /**
     * The stored or new ticket an event is for, among those of its source with its external id (one per
     * client): the one of the client the event names, else the only one. An event naming another client
     * than its ticket's is refused, naming both; so is one that could be for several clients' tickets.
     * Null when the event is for a ticket not seen yet.
     */
    private Ticket ticketOf(List<Ticket> candidates, IngestEvent event, boolean creation, String prefix) {
        if (event.client() == null) {
            if (candidates.size() > 1) {
                throw new InvalidRequestException(
                        prefix + "client",
                        "external id \"" + event.externalId() + "\" names tickets of " + candidates.size()
                                + " clients: give the event's client");
            }
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        ClientId named = checks.client(event.client())
                .map(Client::id)
                .orElseThrow(() ->
                        new UnprocessableException(prefix + "client", "unknown client \"" + event.client() + "\""));
        for (Ticket candidate : candidates) {
            if (candidate.clientId().equals(named)) {
                return candidate;
            }
        }
        if (!creation && !candidates.isEmpty()) {
            Ticket other = candidates.get(0);
            throw new UnprocessableException(
                    prefix + "client",
                    "the event names client \"" + event.client() + "\", but ticket \"" + event.externalId()
                            + "\" belongs to client "
                            + checks.client(other.clientId().toString())
                                    .map(client -> "\"" + client.slug() + "\"")
                                    .orElse(other.clientId().toString()));
        }
        return null;
    }

    /** New tickets, in the order the stored requests created them. */
    List<Ticket> created() {
        return group.created;
    }

    /** Every event the stored requests accepted, in order (new tickets' CREATED events included). */
    List<RecordedEvent> accepted() {
        return group.accepted;
    }

    /** Stored tickets that get new events. */
    Collection<Ticket> updated() {
        return group.updated.values();
    }

    /** The whole timeline of each ticket the group stores to: stored events, then accepted ones. */
    Map<TicketId, List<RecordedEvent>> timelines() {
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        stored.forEach((id, events) -> timelines.put(id, new ArrayList<>(events)));
        for (RecordedEvent event : group.accepted) {
            timelines.computeIfAbsent(event.ticket(), id -> new ArrayList<>()).add(event);
        }
        return timelines;
    }

    /** The stored and new tickets of the group, by id. */
    Map<TicketId, Ticket> tickets() {
        Map<TicketId, Ticket> byId = new HashMap<>();
        group.known.values().forEach(same -> same.forEach(ticket -> byId.put(ticket.id(), ticket)));
        return byId;
    }

    private boolean seen(State draft, String key) {
        return draft.seen.contains(key) || group.seen.contains(key);
    }

    private List<Ticket> known(State draft, String key) {
        List<Ticket> tickets = new ArrayList<>(group.known.getOrDefault(key, List.of()));
        tickets.addAll(draft.known.getOrDefault(key, List.of()));
        return tickets;
    }

    private long nextSeq(State draft, TicketId ticket) {
        Long seq = draft.nextSeq.get(ticket);
        return seq != null ? seq : group.nextSeq.get(ticket);
    }

    private static Result rejected(String eventId, TicketId ticket, List<Violation> errors) {
        return new Result(eventId, Outcome.REJECTED, ticket, errors);
    }

    private static List<Violation> errors(RuntimeException e) {
        return e instanceof InvalidRequestException invalid
                ? invalid.violations()
                : ((UnprocessableException) e).violations();
    }

    private static String key(String source, String id) {
        return source + '\n' + id;
    }

    /** What the group (or one request's draft, until it is known to store) has seen and will write. */
    private static final class State {
        /** Event ids (per source) stored already or by the group. */
        final Set<String> seen = new HashSet<>();
        /** Tickets by source and external id (one per client at most): stored (locked) or created. */
        final Map<String, List<Ticket>> known = new HashMap<>();

        final Map<TicketId, Long> nextSeq = new HashMap<>();
        final List<Ticket> created = new ArrayList<>();
        final List<RecordedEvent> accepted = new ArrayList<>();
        final Map<TicketId, Ticket> updated = new LinkedHashMap<>();

        void merge(State draft) {
            seen.addAll(draft.seen);
            draft.known.forEach((key, tickets) ->
                    known.computeIfAbsent(key, k -> new ArrayList<>()).addAll(tickets));
            nextSeq.putAll(draft.nextSeq);
            created.addAll(draft.created);
            accepted.addAll(draft.accepted);
            updated.putAll(draft.updated);
        }
    }
}
