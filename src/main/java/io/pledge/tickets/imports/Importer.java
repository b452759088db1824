package io.pledge.tickets.imports;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.CatalogMemo;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.Tickets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports ticket history from a CSV file. The whole file is read and checked first; then everything is
 * stored in one transaction, so an import killed half-way leaves nothing behind. Tickets and events keep
 * the ids the file gives them (per source), so importing a file again stores nothing twice.
 */
@Service
public class Importer {

    /** How many row errors a job keeps and shows. */
    public static final int MAX_ERRORS = 100;

    /**
     * Tickets checked and computed together, then written together, in the first chunk; each chunk after
     * it holds twice as many as the one before, up to {@link #LARGEST_CHUNK}. A small first chunk starts
     * the writes early; larger ones later mean fewer, longer writes.
     */
    public static final int FIRST_CHUNK = 500;

    public static final int LARGEST_CHUNK = 8_000;

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final TicketDesk desk;
    private final ClockRefresh refresh;
    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final ImportJobs jobs;
    private final Clients clients;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService background;
    /** Checks and clocks of running imports, beside the thread that writes them. */
    private final ExecutorService checkers;

    Importer(
            TicketDesk desk,
            ClockRefresh refresh,
            Tickets tickets,
            TicketEvents ticketEvents,
            ImportJobs jobs,
            Clients clients,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock,
            ImportExecutors executors) {
        this.desk = desk;
        this.background = executors.jobs();
        this.checkers = executors.checks();
        this.refresh = refresh;
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.jobs = jobs;
        this.clients = clients;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a job and runs it in the background. The file is the import's own: it is deleted when the
     * job ends, or at once when the import is refused (an unknown client) or cannot start.
     */
    public ImportJob start(StoredUpload upload, String fileName, ImportSettings settings, String createdBy) {
        Path file = upload.file();
        boolean handedOver = false;
        try {
            Client client = client(settings);
            ImportJob job = jobs.create(
                    settings, client.id().value(), fileName, createdBy, upload.rows(), Timestamps.now(clock));
            background.submit(() -> {
                try {
                    run(job.id(), file, settings, createdBy, rows -> {});
                } finally {
                    deleteQuietly(file);
                }
            });
            handedOver = true;
            return job;
        } finally {
            if (!handedOver) {
                deleteQuietly(file);
            }
        }
    }

    /** Creates a job and runs it here, reporting progress (the command line). */
    public ImportJob runNow(Path file, String fileName, ImportSettings settings, ProgressListener progress) {
        Client client = client(settings);
        ImportJob job =
                jobs.create(settings, client.id().value(), fileName, "command line", null, Timestamps.now(clock));
        return run(job.id(), file, settings, "command line", progress);
    }

    public Optional<ImportJob> find(UUID id) {
        return jobs.find(id);
    }

    /** Imports newest first, of the scope's clients, after a cursor (null: the newest), at most {@code limit}. */
    public List<ImportJob> recent(Scope scope, ImportJobs.Cursor after, int limit) {
        return jobs.recent(scope, after, limit);
    }

    private Client client(ImportSettings settings) {
        return clients.findByReference(settings.client())
                .orElseThrow(
                        () -> new UnprocessableException("client", "unknown client \"" + settings.client() + "\""));
    }

    ImportJob run(UUID job, Path file, ImportSettings settings, String actor, ProgressListener listener) {
        ProgressListener progress = new ProgressListener() {
            private long lastWrite;

            @Override
            public void rowsRead(long rows) {
                // A job row written at most every half second: each write is a commit of its own.
                long now = System.nanoTime();
                if (now - lastWrite > 500_000_000L) {
                    jobs.progress(job, rows, 0, 0);
                    lastWrite = now;
                }
                listener.rowsRead(rows);
            }

            @Override
            public void stored(long ticketCount, long eventCount) {
                listener.stored(ticketCount, eventCount);
            }
        };
        ImportFile read;
        Stored stored;
        List<RowError> errors;
        Phases phases = new Phases();
        try {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                read = settings.preset() == ImportPreset.SERVICENOW
                        ? new ServiceNowFormat(settings.zone(), settings.states()).read(reader, progress)
                        : new GenericFormat(settings.zone(), settings.columns()).read(reader, progress);
            }
            phases.done("read");
            errors = new ArrayList<>(read.errors());
            if (!errors.isEmpty() && settings.mode() == ImportMode.ALL_OR_NOTHING) {
                return jobs.finish(job, ImportJob.State.FAILED, read.rows(), 0, 0, errors, Timestamps.now(clock));
            }
            stored = transaction.execute(status -> {
                Stored result = store(job, actor, read, settings, errors, progress, phases);
                if (!errors.isEmpty() && settings.mode() == ImportMode.ALL_OR_NOTHING) {
                    status.setRollbackOnly();
                }
                return result;
            });
            phases.done("commit");
            log.info("Import {}: {}", job, phases);
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed", job, e);
            return jobs.finish(
                    job,
                    ImportJob.State.FAILED,
                    0,
                    0,
                    0,
                    List.of(new RowError(0, null, "the import failed, nothing was stored: " + e.getMessage())),
                    Timestamps.now(clock));
        }
        ImportJob.State state;
        if (errors.isEmpty()) {
            state = ImportJob.State.SUCCEEDED;
        } else if (settings.mode() == ImportMode.ALL_OR_NOTHING) {
            state = ImportJob.State.FAILED;
            stored = new Stored(0, 0);
        } else {
            state = ImportJob.State.SUCCEEDED_WITH_REJECTIONS;
        }
        return jobs.finish(job, state, read.rows(), stored.tickets(), stored.events(), errors, Timestamps.now(clock));
    }

    private record Stored(long tickets, long events) {}

    /** How long each phase of an import took, for the log. */
    private static final class Phases {

        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ")
                    .append(phase)
                    .append(' ')
                    .append((now - last) / 1_000_000)
                    .append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Stores what was read; invalid events found here are added to {@code errors} with their line. The
     * checks and the clocks are computed on a second thread, a chunk of tickets at a time, while this
     * thread, which holds the import's transaction, writes the tickets computed before: the database's
     * work and Pledge's overlap. Nothing is committed before the end, so a failure anywhere stores nothing.
     */
    private Stored store(
            UUID job,
            String actor,
            ImportFile read,
            ImportSettings settings,
            List<RowError> errors,
            ProgressListener progress,
            Phases phases) {
        Instant now = Timestamps.now(clock);
        Client defaultClient = client(settings);
        String source = settings.source(defaultClient.slug());
        Set<String> storedEventIds = new HashSet<>(ticketEvents.eventIds(source));
        Map<String, Ticket> existing = tickets.bySource(source);
        // Read here, in the import's transaction: the checking thread reads nothing the import writes.
        ImportChecks.Stored stored = new ImportChecks.Stored(storedEventIds, existing, nextSeqs(read, existing));
        phases.done("stored ids");

        Handover<ImportChecks.Chunk> handover = new Handover<>();
        ImportChecks checks =
                new ImportChecks(read, settings.mode(), defaultClient, source, stored, errors, progress, desk(now));
        checkers.execute(() -> checks.run(handover));
        long created = 0;
        long events = 0;
        List<Ticket> updated = new ArrayList<>();
        try {
            for (Optional<ImportChecks.Chunk> next = handover.take(); next.isPresent(); next = handover.take()) {
                ImportChecks.Chunk chunk = next.get();
                refresh.insert(chunk.created(), now, ClockRefresh.Thresholds.HISTORY);
                ticketEvents.append(chunk.events());
                created += chunk.created().current().size();
                events += chunk.events().size();
                updated.addAll(chunk.updated());
            }
        } finally {
            // Not an interrupt: an interrupted thread reading H2's file would close it for everyone.
            handover.stop();
        }
        if (!errors.isEmpty() && settings.mode() == ImportMode.ALL_OR_NOTHING) {
            return new Stored(0, 0);
        }
        phases.done("checked, computed and wrote " + created + " tickets, their clocks and " + events
                + " events (checks and clocks " + checks.busy / 1_000_000 + " ms of it, on another thread)");
        audit.append(checks.digest.changes(job, actor));
        phases.done("audited");
        for (Ticket ticket : updated) {
            refresh.update(
                    List.of(ticket),
                    Map.of(ticket.id(), ticketEvents.of(ticket.id(), Scope.everything())),
                    now,
                    ClockRefresh.Thresholds.HISTORY);
        }
        phases.done("recomputed " + updated.size() + " stored tickets");
        progress.stored(created + updated.size(), events);
        return new Stored(created + updated.size(), events);
    }

    /** The next arrival number of each stored ticket the file names, read in the import's transaction. */
    private Map<TicketId, Long> nextSeqs(ImportFile read, Map<String, Ticket> existing) {
        if (existing.isEmpty()) {
            return Map.of();
        }
        List<TicketId> named = new ArrayList<>();
        for (ImportedTicket imported : read.tickets()) {
            Ticket ticket = existing.get(imported.externalId());
            if (ticket != null) {
                named.add(ticket.id());
            }
        }
        return ticketEvents.nextSeqs(named);
    }

    /** The desk's checks and the clocks for one import: one view of the catalog, one instant. */
    private ImportChecks.Desk desk(Instant now) {
        CatalogMemo catalog = desk.memo();
        return new ImportChecks.Desk() {
            @Override
            public Optional<Client> client(String reference) {
                return catalog.client(reference);
            }

            @Override
            public Ticket open(Client client, ImportedTicket imported, String source) {
                Instant createdAt = imported.createdAt().truncatedTo(ChronoUnit.MICROS);
                return TicketDesk.build(
                        client,
                        catalog.contractAt(client, imported.createdAt()),
                        in -> catalog.policyAt(in.terms().tier(), imported.createdAt()),
                        imported.priority(),
                        imported.service(),
                        imported.subject(),
                        null,
                        null,
                        createdAt,
                        source,
                        imported.externalId());
            }

            @Override
            public RecordedEvent created(Ticket ticket, String eventId) {
                return desk.created(ticket, eventId, now);
            }

            @Override
            public RecordedEvent event(
                    Ticket ticket, TicketEventDocument document, String eventId, long seq, Violations violations) {
                return desk.event(ticket, document, eventId, seq, now, violations, "");
            }

            @Override
            public ClockRefresh.Evaluated evaluate(List<Ticket> created, Map<TicketId, List<RecordedEvent>> timelines) {
                return refresh.evaluate(created, timelines, now);
            }
        };
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }
}
