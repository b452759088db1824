package io.pledge.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.core.DatabaseUnavailableException;
import io.pledge.core.GroupCommit;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.Ingest.BatchResult;
import io.pledge.tickets.Ingest.Request;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a group of ingest requests in one transaction with a few batched statements: one look-up of the
 * event ids stored already, one lock of the tickets (in id order), one read of their events, then one
 * batch per table (ADR 0008). Should the group's transaction fail (another node storing the same ticket
 * at the same instant, say), each of its requests is stored again on its own.
 */
@Component
class IngestWriter implements GroupCommit.Writer<Request, BatchResult> {

    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);

    private final TicketDesk desk;
    private final ClockRefresh refresh;
    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DistributionSummary groups;
    private final Counter regrouped;

    IngestWriter(
            TicketDesk desk,
            ClockRefresh refresh,
            Tickets tickets,
            TicketEvents ticketEvents,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.desk = desk;
        this.refresh = refresh;
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.groups = DistributionSummary.builder("pledge.ingest.group.requests")
                .description("Ingest requests stored together in one transaction")
                .register(meters);
        this.regrouped = Counter.builder("pledge.ingest.group.retries")
                .description("Groups of ingest requests whose transaction failed, stored again request by request")
                .register(meters);
    }

    /**
     * Stores a group of requests, together when it can, and completes each. When the database cannot be
     * reached, the group and every request waiting behind it fail at once as such (503 for their callers):
     * trying each again would hold them for the pool's connection timeout one after the other.
     */
    @Override
    public void write(List<GroupCommit.Pending<Request, BatchResult>> group, GroupCommit.Waiting waiting) {
        groups.record(group.size());
        if (group.size() > 1) {
            try {
                List<Request> requests =
                        group.stream().map(GroupCommit.Pending::item).toList();
                List<BatchResult> results = transactions.execute(status -> process(requests));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).complete(results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                if (DatabaseUnavailableException.isOutage(e)) {
                    unavailable(group, waiting, e);
                    return;
                }
                regrouped.increment();
                log.debug("A group of {} ingest requests failed together; storing each on its own", group.size(), e);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            GroupCommit.Pending<Request, BatchResult> request = group.get(i);
            try {
                request.complete(alone(request.item()));
            } catch (RuntimeException | Error e) {
                if (DatabaseUnavailableException.isOutage(e)) {
                    unavailable(group.subList(i, group.size()), waiting, e);
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
    private void unavailable(
            List<GroupCommit.Pending<Request, BatchResult>> group, GroupCommit.Waiting waiting, Throwable cause) {
        DatabaseUnavailableException outage = new DatabaseUnavailableException(cause);
        group.forEach(request -> request.fail(outage));
        int behind = waiting.failAll(outage);
        log.warn(
                "Ingest: the database cannot be reached; {} requests answered 503 ({})",
                group.size() + behind,
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
    private List<BatchResult> process(List<Request> requests) {
        Instant now = Timestamps.now(clock);
        IngestGroup group = new IngestGroup(checks(now));
        load(group, requests);
        List<BatchResult> results = new ArrayList<>(requests.size());
        for (Request request : requests) {
            results.add(group.add(request));
        }
        store(group, now);
        return results;
    }

    /** Reads, in a few statements, what the group's events refer to, and locks their tickets. */
    private void load(IngestGroup group, List<Request> requests) {
        // Tickets first: once they are locked, no other transaction adds events to them, so the event ids
        // read next are final for them (the other way round, a ticket committed by another node in between
        // would be seen without its events).
        List<Ticket> locked = new ArrayList<>();
        IngestGroup.externalIds(requests)
                .forEach((source, ids) -> locked.addAll(tickets.lockByExternalIds(source, ids)));
        IngestGroup.eventIds(requests)
                .forEach((source, ids) -> group.storedEventIds(source, ticketEvents.existingEventIds(source, ids)));
        Map<TicketId, List<RecordedEvent>> timelines =
                ticketEvents.of(locked.stream().map(Ticket::id).toList(), Scope.everything());
        for (Ticket ticket : locked) {
            group.storedTicket(ticket, timelines.getOrDefault(ticket.id(), List.of()));
        }
    }

    /** Writes what the stored requests accepted: new tickets, events, and the state of updated tickets. */
    private void store(IngestGroup group, Instant now) {
        List<RecordedEvent> accepted = group.accepted();
        if (accepted.isEmpty()) {
            return;
        }
        Map<TicketId, List<RecordedEvent>> timelines = group.timelines();
        refresh.insert(refresh.evaluate(group.created(), timelines, now), now, ClockRefresh.Thresholds.FIRE);
        ticketEvents.append(accepted);
        Map<TicketId, Ticket> byId = group.tickets();
        List<AuditLog.Change> changes = new ArrayList<>(accepted.size());
        for (RecordedEvent event : accepted) {
            changes.add(TicketAudit.event(byId.get(event.ticket()), event, "source:" + event.source()));
        }
        audit.append(changes);
        refresh.update(group.updated(), timelines, now, ClockRefresh.Thresholds.FIRE);
    }

    /** The desk's checks for one group: one view of the catalog, one instant. */
    private IngestGroup.Checks checks(Instant now) {
        CatalogMemo catalog = desk.memo();
        return new IngestGroup.Checks() {
            @Override
            public Optional<Client> client(String reference) {
                return catalog.client(reference);
            }

            @Override
            public Ticket draft(TicketDocument document, Violations violations, String prefix) {
                return desk.draft(document, now, violations, prefix, catalog, Scope.everything());
            }

            @Override
            public RecordedEvent created(Ticket ticket, String eventId) {
                return desk.created(ticket, eventId, now);
            }

            @Override
            public RecordedEvent event(
                    Ticket ticket,
                    TicketEventDocument document,
                    String eventId,
                    long seq,
                    Violations violations,
                    String prefix) {
                return desk.event(ticket, document, eventId, seq, now, violations, prefix);
            }
        };
    }
}
