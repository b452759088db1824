package io.pledge.tickets.imports;

import io.pledge.clients.Client;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketAudit;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The import rules: checks the tickets read and computes their clocks, handing them over in chunks to
 * the thread that writes them (the first of {@link Importer#FIRST_CHUNK} tickets, each next one twice as
 * large, up to {@link Importer#LARGEST_CHUNK}). Invalid rows are added to the errors with their line. In
 * all-or-nothing mode, hands nothing more over once a row is invalid, and goes on checking so that every
 * invalid row is reported.
 *
 * <p>Plain code: what the import had stored is read before, in the import's transaction ({@link Stored}),
 * so this thread reads nothing the import writes; the desk's checks and the clocks go through
 * {@link Desk}.
 */
final class ImportChecks {

    /** What the checks ask of the desk, the catalog and the clocks. */
    interface Desk {

        /** A client by id or slug. */
        Optional<Client> client(String reference);

        /** A new ticket read from the file, with the contract and policy version in force at its creation. */
        Ticket open(Client client, ImportedTicket imported, String source);

        /** The CREATED event of a new ticket. */
        RecordedEvent created(Ticket ticket, String eventId);

        /** An event for a ticket; null when invalid, with its violations recorded. */
        RecordedEvent event(
                Ticket ticket, TicketEventDocument document, String eventId, long seq, Violations violations);

        /** New tickets as their timelines leave them, with their clocks. */
        ClockRefresh.Evaluated evaluate(List<Ticket> created, Map<TicketId, List<RecordedEvent>> timelines);
    }

    /**
     * What the source had stored before the import: its event ids (a re-import skips them, and they are
     * added to as the file is checked), its tickets by external id, and the next arrival number of each
     * of those tickets the file names.
     */
    record Stored(Set<String> eventIds, Map<String, Ticket> tickets, Map<TicketId, Long> nextSeqs) {}

    /** Checked tickets ready to write: the new ones with their clocks, the events, the stored ones updated. */
    record Chunk(ClockRefresh.Evaluated created, List<RecordedEvent> events, List<Ticket> updated) {}

    private final ImportFile read;
    private final ImportMode mode;
    private final Client defaultClient;
    private final String source;
    private final Stored stored;
    private final List<RowError> errors;
    private final ProgressListener progress;
    private final Desk desk;
    /** The audit's digest of the events handed over, read once the last chunk is taken. */
    final TicketAudit.ImportDigest digest = new TicketAudit.ImportDigest();
    /** Nanoseconds spent checking and computing, read once the last chunk is taken. */
    volatile long busy;

    ImportChecks(
            ImportFile read,
            ImportMode mode,
            Client defaultClient,
            String source,
            Stored stored,
            List<RowError> errors,
            ProgressListener progress,
            Desk desk) {
        this.read = read;
        this.mode = mode;
        this.defaultClient = defaultClient;
        this.source = source;
        this.stored = stored;
        this.errors = errors;
        this.progress = progress;
        this.desk = desk;
    }

    /** Checks the whole file, handing chunks over, then the end; or the failure. */
    void run(Handover<Chunk> handover) {
        try {
            check(handover);
            handover.end();
        } catch (InterruptedException shutdown) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            try {
                handover.fail(failure);
            } catch (InterruptedException shutdown) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void check(Handover<Chunk> handover) throws InterruptedException {
        long started = System.nanoTime();
        Pending pending = new Pending();
        long count = 0;
        long eventCount = 0;
        int chunk = Importer.FIRST_CHUNK;
        long chunkEnd = chunk;
        for (ImportedTicket imported : read.tickets()) {
            if (handover.stopped()) {
                return;
            }
            if (!ticket(imported, pending)) {
                continue;
            }
            if (++count == chunkEnd) {
                chunk = Math.min(2 * chunk, Importer.LARGEST_CHUNK);
                chunkEnd += chunk;
                eventCount += pending.events.size();
                progress.stored(count, eventCount);
                hand(handover, pending, started);
                pending = new Pending();
                started = System.nanoTime();
            }
        }
        hand(handover, pending, started);
    }

    /** Tickets checked and not handed over yet. */
    private static final class Pending {
        final List<Ticket> created = new ArrayList<>();
        final Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        final List<RecordedEvent> events = new ArrayList<>();
        final List<Ticket> updated = new ArrayList<>();
    }

    /** Hands a chunk over, unless a row is invalid in all-or-nothing mode: then it only goes on checking. */
    private void hand(Handover<Chunk> handover, Pending pending, long started) throws InterruptedException {
        if (!errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
            busy += System.nanoTime() - started;
            return;
        }
        Chunk chunk = new Chunk(desk.evaluate(pending.created, pending.timelines), pending.events, pending.updated);
        busy += System.nanoTime() - started;
        handover.give(chunk);
    }

    /** Checks one ticket read, adding it and its events to the pending chunk; false when it is left out. */
    private boolean ticket(ImportedTicket imported, Pending pending) {
        Ticket ticket = stored.tickets().get(imported.externalId());
        boolean isNew = ticket == null;
        List<RecordedEvent> timeline = new ArrayList<>();
        if (isNew) {
            Client client = imported.client() == null
                    ? defaultClient
                    : desk.client(imported.client()).orElse(null);
            if (client == null) {
                errors.add(new RowError(imported.line(), "client", "unknown client \"" + imported.client() + "\""));
                return false;
            }
            ticket = desk.open(client, imported, source);
            timeline.add(desk.created(ticket, imported.externalId() + "/created"));
        }
        long seq = isNew ? 2 : stored.nextSeqs().getOrDefault(ticket.id(), 1L);
        int before = errors.size();
        List<RecordedEvent> fresh = new ArrayList<>();
        for (ImportedTicket.Event event : imported.events()) {
            if (!stored.eventIds().add(event.eventId())) {
                continue;
            }
            Violations violations = new Violations();
            RecordedEvent recorded = desk.event(ticket, event.document(), event.eventId(), seq, violations);
            if (recorded == null) {
                for (Violation violation : violations.list()) {
                    errors.add(new RowError(event.line(), violation.field(), violation.message()));
                }
                continue;
            }
            seq++;
            fresh.add(recorded);
        }
        if (errors.size() > before && mode == ImportMode.ALL_OR_NOTHING) {
            return false;
        }
        timeline.addAll(fresh);
        pending.events.addAll(timeline);
        digest.add(ticket.clientId().value(), timeline);
        if (isNew) {
            pending.created.add(ticket);
            pending.timelines.put(ticket.id(), timeline);
            return true;
        }
        if (!fresh.isEmpty()) {
            pending.updated.add(ticket);
        }
        return true;
    }
}
