package io.pledge.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledge.audit.AuditLog;
import io.pledge.core.DatabaseUnavailableException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.jdbc.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live ingest of events from another system, idempotent on (source, eventId). With invalid events, a
 * request stores nothing unless {@code partial}. Results are only returned after the commit, so an
 * accepted event is never lost.
 *
 * <p>Requests are stored by one writer per node, with group commit: requests that arrive while the
 * writer is busy are stored together, in one transaction with a few batched statements, and each keeps
 * its own outcome (a request that stores nothing takes no part in the writes). Under load this turns a
 * handful of statements and a commit per event into a handful per group. Should a group's transaction
 * fail (another node storing the same ticket at the same instant, say), each of its requests is stored
 * again on its own.
 */
@Service
public class Ingest implements DisposableBean {

    public static final int MAX_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

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
    private final ClockRefresh refresh;
    private final TicketStore tickets;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final DistributionSummary groups;
    private final Counter regrouped;
    private volatile boolean running = true;

    Ingest(
            TicketDesk desk,
            ClockRefresh refresh,
            TicketStore tickets,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.desk = desk;
        this.refresh = refresh;
        this.audit = audit;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
        this.groups = DistributionSummary.builder("pledge.ingest.group.requests")
                .description("Ingest requests stored together in one transaction")
                .register(meters);
        this.regrouped = Counter.builder("pledge.ingest.group.retries")
                .description("Groups of ingest requests whose transaction failed, stored again request by request")
                .register(meters);
        this.writer = new Thread(this::write, "pledge-ingest");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stores a batch of events from a source, once committed. */
    public BatchResult accept(String source, List<IngestEvent> events, boolean partial) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events", "a batch holds 1 to " + MAX_BATCH + " events");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidRequestException(
                    "events", "a batch holds at most " + MAX_BATCH + " events, got " + events.size());
        }
        Request request = new Request(source, events, partial);
        if (!running) {
            throw new IllegalStateException("Pledge is shutting down; nothing was stored");
        }
        queue.add(request);
        if (!writer.isAlive()) {
            // Stopped between the check above and now: nobody will take it.
            request.fail(new IllegalStateException("Pledge is shutting down; nothing was stored"));
        }
        return request.await();
    }

    private void write() {
        List<Request> group = new ArrayList<>();
        while (running) {
            try {
                Request first = queue.take();
                group.add(first);
                int size = first.events().size();
                for (Request next = queue.peek();
                        next != null && size + next.events().size() <= MAX_BATCH;
                        next = queue.peek()) {
                    group.add(queue.poll());
                    size += next.events().size();
                }
                store(group);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.forEach(request -> request.fail(new IllegalStateException("the request was not stored")));
                group.clear();
            }
        }
        for (Request left = queue.poll(); left != null; left = queue.poll()) {
            left.fail(new IllegalStateException("Pledge is shutting down; nothing was stored"));
        }
    }

    /**
     * Stores a group of requests, together when it can, and completes each. When the database cannot be
     * reached, the group and every request waiting behind it fail at once as such (503 for their callers):
     * trying each again would hold them for the pool's connection timeout one after the other.
     */
    void store(List<Request> group) {
        groups.record(group.size());
        if (group.size() > 1) {
            try {
                List<BatchResult> results = transactions.execute(status -> process(group));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).complete(results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                if (DatabaseUnavailableException.isOutage(e)) {
                    unavailable(group, e);
                    return;
                }
                regrouped.increment();
                log.debug("A group of {} ingest requests failed together; storing each on its own", group.size(), e);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Request request = group.get(i);
            try {
                request.complete(alone(request));
            } catch (RuntimeException | Error e) {
                if (DatabaseUnavailableException.isOutage(e)) {
                    unavailable(group.subList(i, group.size()), e);
                    return;
                }
                request.fail(e);
            }
        }
    }

    /**
     * Fails the requests of a group, and those queued behind it, for lack of a database. Nothing of theirs
     * was stored (a commit whose answer was lost may have been: ingest is idempotent on event ids, and a
     * sender who sends such a batch again gets its events back as duplicates).
     */
    private void unavailable(List<Request> group, Throwable cause) {
        DatabaseUnavailableException outage = new DatabaseUnavailableException(cause);
        group.forEach(request -> request.fail(outage));
        int waiting = 0;
        for (Request next = queue.poll(); next != null; next = queue.poll()) {
            next.fail(outage);
            waiting++;
        }
        log.warn(
                "Ingest: the database cannot be reached; {} requests answered 503 ({})",
                group.size() + waiting,
                cause.getMessage());
    }

    private BatchResult alone(Request request) {
        try {
            return transactions.execute(status -> process(List.of(request)).get(0));
        } catch (DuplicateKeyException | TransientDataAccessException concurrentDelivery) {
            if (DatabaseUnavailableException.isOutage(concurrentDelivery)) {
                throw concurrentDelivery;
            }
            // The same event or ticket was being stored by another node: once more, it is now stored.
            return transactions.execute(status -> process(List.of(request)).get(0));
        }
    }

    /** Checks and stores a group of requests in the current transaction; one result per request. */
    private List<BatchResult> process(List<Request> group) {
        Group state = new Group(Timestamps.now(clock));
        state.load(group);
        List<BatchResult> results = new ArrayList<>(group.size());
        for (Request request : group) {
            results.add(state.add(request));
        }
        state.write();
        return results;
    }

    /** One request: its events, and the caller waiting for their outcome. */
    record Request(String source, List<IngestEvent> events, boolean partial, CompletableFuture<BatchResult> outcome) {

        Request(String source, List<IngestEvent> events, boolean partial) {
            this(source, events, partial, new CompletableFuture<>());
        }

        void complete(BatchResult result) {
            outcome.complete(result);
        }

        void fail(Throwable failure) {
            outcome.completeExceptionally(failure);
        }

        BatchResult await() {
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the events were being stored", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * What a group of requests reads and writes. Each request is checked against what the requests
     * before it in the group stored; its own changes are kept apart until it is known to store.
     */
    private final class Group {

        private final Instant now;
        private final CatalogMemo catalog = desk.memo();
        /** Event ids (per source) stored already or by this group. */
        private final Set<String> seen = new HashSet<>();
        /**
         * Tickets by source and external id (one per client at most): stored (locked) or created by this
         * group.
         */
        private final Map<String, List<Ticket>> known = new HashMap<>();
        /** The stored events of the stored tickets the group touches. */
        private final Map<TicketId, List<RecordedEvent>> stored = new HashMap<>();

        private final Map<TicketId, Long> nextSeq = new HashMap<>();
        private final List<Ticket> created = new ArrayList<>();
        private final List<RecordedEvent> accepted = new ArrayList<>();
        /** Stored tickets that get new events. */
        private final Map<TicketId, Ticket> updated = new LinkedHashMap<>();

        Group(Instant now) {
            this.now = now;
        }

        /** Reads, in a few statements, what the group's events refer to, and locks their tickets. */
        void load(List<Request> group) {
            Map<String, Set<String>> eventIds = new HashMap<>();
            Map<String, Set<String>> externalIds = new HashMap<>();
            for (Request request : group) {
                for (IngestEvent event : request.events()) {
                    if (event != null && event.eventId() != null) {
                        eventIds.computeIfAbsent(request.source(), s -> new LinkedHashSet<>())
                                .add(event.eventId());
                    }
                    if (event != null && event.externalId() != null) {
                        externalIds
                                .computeIfAbsent(request.source(), s -> new LinkedHashSet<>())
                                .add(event.externalId());
                    }
                }
            }
            // Tickets first: once they are locked, no other transaction adds events to them, so the event
            // ids read next are final for them (the other way round, a ticket committed by another node
            // in between would be seen without its events).
            externalIds.forEach((source, ids) -> tickets.lockByExternalIds(source, ids)
                    .forEach(ticket -> known.computeIfAbsent(key(source, ticket.externalId()), k -> new ArrayList<>())
                            .add(ticket)));
            eventIds.forEach(
                    (source, ids) -> tickets.existingEventIds(source, ids).forEach(id -> seen.add(key(source, id))));
            List<Ticket> locked = known.values().stream().flatMap(List::stream).toList();
            stored.putAll(tickets.events(locked.stream().map(Ticket::id).toList(), Scope.everything()));
            for (Ticket ticket : locked) {
                stored.putIfAbsent(ticket.id(), List.of());
                nextSeq.put(
                        ticket.id(),
                        stored.get(ticket.id()).stream()
                                        .mapToLong(RecordedEvent::seq)
                                        .max()
                                        .orElse(0)
                                + 1);
            }
        }

        /** Checks one request's events; when the request stores, its events join the group's writes. */
        BatchResult add(Request request) {
            Draft draft = new Draft();
            String source = request.source();
            List<IngestEvent> events = request.events();
            List<Result> results = new ArrayList<>(events.size());
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
                if (eventId != null && draft.seen(key(source, eventId))) {
                    results.add(new Result(eventId, Outcome.DUPLICATE, null, List.of()));
                    continue;
                }
                if (!violations.isEmpty()) {
                    results.add(new Result(eventId, Outcome.REJECTED, null, violations.list()));
                    continue;
                }
                String ticketKey = key(source, externalId);
                boolean creation = "CREATED".equalsIgnoreCase(event.type());
                Ticket ticket;
                try {
                    ticket = ticketOf(catalog, draft.known(ticketKey), event, creation, prefix);
                } catch (InvalidRequestException | UnprocessableException e) {
                    results.add(new Result(eventId, Outcome.REJECTED, null, errors(e)));
                    continue;
                }
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
                        ticket = desk.draft(event.ticket(source), now, violations, prefix, catalog, Scope.everything());
                        draft.known
                                .computeIfAbsent(ticketKey, k -> new ArrayList<>())
                                .add(ticket);
                        draft.created.add(ticket);
                        draft.accepted.add(desk.created(ticket, creation ? eventId : null, now));
                        draft.nextSeq.put(ticket.id(), 2L);
                        if (creation) {
                            draft.seen.add(key(source, eventId));
                            results.add(new Result(eventId, Outcome.ACCEPTED, ticket.id(), List.of()));
                            continue;
                        }
                    } else if (creation) {
                        violations.add(prefix + "type", "ticket \"" + externalId + "\" was created already");
                        results.add(new Result(eventId, Outcome.REJECTED, ticket.id(), violations.list()));
                        continue;
                    }
                    long seq = draft.nextSeq(ticket.id());
                    RecordedEvent recorded = desk.event(ticket, event.event(), eventId, seq, now, violations, prefix);
                    if (recorded == null) {
                        results.add(new Result(eventId, Outcome.REJECTED, ticket.id(), violations.list()));
                        continue;
                    }
                    draft.nextSeq.put(ticket.id(), seq + 1);
                    draft.accepted.add(recorded);
                    if (stored.containsKey(ticket.id())) {
                        draft.updated.put(ticket.id(), ticket);
                    }
                    draft.seen.add(key(source, eventId));
                    results.add(new Result(eventId, Outcome.ACCEPTED, ticket.id(), List.of()));
                } catch (InvalidRequestException | UnprocessableException e) {
                    results.add(new Result(eventId, Outcome.REJECTED, null, errors(e)));
                }
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
            draft.mergeInto(this);
            return new BatchResult(true, results);
        }

        /** Writes what the stored requests accepted: new tickets, events, and the state of updated tickets. */
        void write() {
            if (accepted.isEmpty()) {
                return;
            }
            Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
            stored.forEach((id, events) -> timelines.put(id, new ArrayList<>(events)));
            for (RecordedEvent event : accepted) {
                timelines
                        .computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event);
            }
            refresh.insert(refresh.evaluate(created, timelines, now), now, ClockRefresh.Thresholds.FIRE);
            tickets.appendAll(accepted);
            Map<TicketId, Ticket> byId = new HashMap<>();
            known.values().forEach(same -> same.forEach(ticket -> byId.put(ticket.id(), ticket)));
            List<AuditLog.Change> changes = new ArrayList<>(accepted.size());
            for (RecordedEvent event : accepted) {
                changes.add(TicketAudit.event(byId.get(event.ticket()), event, "source:" + event.source()));
            }
            audit.append(changes);
            refresh.update(updated.values(), timelines, now, ClockRefresh.Thresholds.FIRE);
        }

        /** One request's changes, seen through to the group's. */
        private final class Draft {
            private final Set<String> seen = new HashSet<>();
            private final Map<String, List<Ticket>> known = new HashMap<>();
            private final Map<TicketId, Long> nextSeq = new HashMap<>();
            private final List<Ticket> created = new ArrayList<>();
            private final List<RecordedEvent> accepted = new ArrayList<>();
            private final Map<TicketId, Ticket> updated = new LinkedHashMap<>();

            boolean seen(String key) {
                return seen.contains(key) || Group.this.seen.contains(key);
            }

            List<Ticket> known(String key) {
                List<Ticket> tickets = new ArrayList<>(Group.this.known.getOrDefault(key, List.of()));
                tickets.addAll(known.getOrDefault(key, List.of()));
                return tickets;
            }

            long nextSeq(TicketId ticket) {
                Long seq = nextSeq.get(ticket);
                return seq != null ? seq : Group.this.nextSeq.get(ticket);
            }

            void mergeInto(Group group) {
                group.seen.addAll(seen);
                known.forEach((key, tickets) ->
                        group.known.computeIfAbsent(key, k -> new ArrayList<>()).addAll(tickets));
                group.nextSeq.putAll(nextSeq);
                group.created.addAll(created);
                group.accepted.addAll(accepted);
                group.updated.putAll(updated);
            }
        }
    }

    /**
     * The stored or new ticket an event is for, among those of its source with its external id (one per
     * client): the one of the client the event names, else the only one. An event naming another client
     * than its ticket's is refused, naming both; so is one that could be for several clients' tickets.
     * Null when the event is for a ticket not seen yet.
     */
    private static Ticket ticketOf(
            CatalogMemo catalog, List<Ticket> candidates, IngestEvent event, boolean creation, String prefix) {
        if (event.client() == null) {
            if (candidates.size() > 1) {
                throw new InvalidRequestException(
                        prefix + "client",
                        "external id \"" + event.externalId() + "\" names tickets of " + candidates.size()
                                + " clients: give the event's client");
            }
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        java.util.UUID named = catalog.client(event.client())
                .map(client -> client.id().value())
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
                            + catalog.client(other.clientId().toString())
                                    .map(client -> "\"" + client.slug() + "\"")
                                    .orElse(other.clientId().toString()));
        }
        return null;
    }

    private static List<Violation> errors(RuntimeException e) {
        return e instanceof InvalidRequestException invalid
                ? invalid.violations()
                : ((UnprocessableException) e).violations();
    }

    private static String key(String source, String id) {
        return source + '\n' + id;
    }

    @Override
    public void destroy() {
        running = false;
        writer.interrupt();
    }
}
