package io.pledge.tickets;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.tickets.jdbc.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live ingest of events from another system, idempotent on (source, eventId). A batch is stored in one
 * transaction; with invalid events nothing is stored unless {@code partial}. Results are only returned
 * after the commit, so an accepted event is never lost.
 */
@Service
public class Ingest {

    public static final int MAX_BATCH = 1000;

    /** What became of one event of a batch. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED,
        /** Valid, but not stored because other events of the batch were rejected. */
        NOT_STORED
    }

    public record Result(String eventId, Outcome outcome, TicketId ticket, List<Violation> errors) {}

    public record BatchResult(boolean stored, List<Result> results) {

        public long count(Outcome outcome) {
            return results.stream()
                    .filter(result -> result.outcome() == outcome)
                    .count();
        }
    }

    private final TicketDesk desk;
    private final TicketStore tickets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Ingest(TicketDesk desk, TicketStore tickets, TransactionTemplate transactions, Clock clock) {
        this.desk = desk;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
    }

    public BatchResult accept(String source, List<IngestEvent> events, boolean partial) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events", "a batch holds 1 to " + MAX_BATCH + " events");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidRequestException(
                    "events", "a batch holds at most " + MAX_BATCH + " events, got " + events.size());
        }
        try {
            return transactions.execute(status -> {
                BatchResult result = process(source, events, partial);
                if (!result.stored()) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (DuplicateKeyException concurrentDelivery) {
            // The same event or ticket arrived concurrently: once more, it is now seen as stored.
            return transactions.execute(status -> process(source, events, partial));
        }
    }

    private BatchResult process(String source, List<IngestEvent> events, boolean partial) {
        Instant now = io.pledge.core.jdbc.Timestamps.now(clock);
        List<String> ids = events.stream()
                .map(IngestEvent::eventId)
                .filter(id -> id != null)
                .toList();
        Set<String> seen = new HashSet<>(tickets.existingEventIds(source, ids));
        Map<String, Ticket> known = new HashMap<>();
        Map<TicketId, Long> nextSeq = new HashMap<>();
        Map<TicketId, List<RecordedEvent>> stored = new HashMap<>();
        Map<TicketId, Ticket> touched = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>(events.size());
        List<RecordedEvent> accepted = new ArrayList<>();
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IngestEvent event = events.get(i);
            Violations violations = new Violations();
            String prefix = "events[" + i + "].";
            if (event == null) {
                violations.add("events[" + i + "]", "must be an object");
                results.add(new Result(null, Outcome.REJECTED, null, violations.list()));
                continue;
            }
            String eventId = violations.under(prefix).text("eventId", event.eventId(), 200);
            String externalId = violations.under(prefix).text("externalId", event.externalId(), 200);
            if (eventId != null && seen.contains(eventId)) {
                results.add(new Result(eventId, Outcome.DUPLICATE, null, List.of()));
                continue;
            }
            if (!violations.isEmpty()) {
                results.add(new Result(eventId, Outcome.REJECTED, null, violations.list()));
                continue;
            }
            Ticket ticket = known.computeIfAbsent(
                    externalId, id -> tickets.lockByExternalId(source, id).orElse(null));
            boolean creation = "CREATED".equalsIgnoreCase(event.type());
            try {
                if (ticket == null) {
                    if (!creation && (event.client() == null || event.priority() == null)) {
                        violations.add(
                                prefix + "externalId",
                                "unknown ticket \"" + externalId
                                        + "\": send its CREATED event first, or give client and priority");
                        results.add(new Result(eventId, Outcome.REJECTED, null, violations.list()));
                        continue;
                    }
                    ticket = desk.draft(event.ticket(source), now, violations, prefix);
                    known.put(externalId, ticket);
                    created.add(ticket);
                    accepted.add(desk.created(ticket, creation ? eventId : null, now));
                    nextSeq.put(ticket.id(), 2L);
                    touched.put(ticket.id(), ticket);
                    if (creation) {
                        seen.add(eventId);
                        results.add(new Result(eventId, Outcome.ACCEPTED, ticket.id(), List.of()));
                        continue;
                    }
                } else if (creation) {
                    violations.add(prefix + "type", "ticket \"" + externalId + "\" was created already");
                    results.add(new Result(eventId, Outcome.REJECTED, ticket.id(), violations.list()));
                    continue;
                }
                Ticket target = ticket;
                long seq = nextSeq.computeIfAbsent(target.id(), id -> {
                    List<RecordedEvent> existing = tickets.events(id);
                    stored.put(id, existing);
                    return existing.stream().mapToLong(RecordedEvent::seq).max().orElse(0) + 1;
                });
                RecordedEvent recorded = desk.event(target, event.event(), eventId, seq, now, violations, prefix);
                if (recorded == null) {
                    results.add(new Result(eventId, Outcome.REJECTED, target.id(), violations.list()));
                    continue;
                }
                nextSeq.put(target.id(), seq + 1);
                accepted.add(recorded);
                touched.put(target.id(), target);
                seen.add(eventId);
                results.add(new Result(eventId, Outcome.ACCEPTED, target.id(), List.of()));
            } catch (InvalidRequestException | UnprocessableException e) {
                List<Violation> errors = e instanceof InvalidRequestException invalid
                        ? invalid.violations()
                        : ((UnprocessableException) e).violations();
                results.add(new Result(eventId, Outcome.REJECTED, null, errors));
            }
        }
        boolean anyRejected = results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED);
        if (anyRejected && !partial) {
            List<Result> notStored = results.stream()
                    .map(r -> r.outcome() == Outcome.ACCEPTED
                            ? new Result(r.eventId(), Outcome.NOT_STORED, null, List.of())
                            : r)
                    .toList();
            return new BatchResult(false, notStored);
        }
        // A ticket created by an event rejected later in the batch is still stored under partial.
        tickets.insertWithState(created, Map.of(), now);
        tickets.appendAll(accepted);
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        stored.forEach((id, existing) -> timelines.put(id, new ArrayList<>(existing)));
        for (RecordedEvent event : accepted) {
            timelines.computeIfAbsent(event.ticket(), id -> new ArrayList<>()).add(event);
        }
        for (Ticket ticket : touched.values()) {
            List<RecordedEvent> timeline = timelines.get(ticket.id());
            timeline.sort(java.util.Comparator.comparing(RecordedEvent::at).thenComparingLong(RecordedEvent::seq));
            desk.refresh(ticket, timeline, now);
        }
        return new BatchResult(true, results);
    }
}
