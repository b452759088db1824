package io.pledge.tickets.imports;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.CatalogMemo;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketAudit;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.jdbc.TicketStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
public class Importer implements DisposableBean {

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
    private final TicketStore tickets;
    private final ImportJobs jobs;
    private final Clients clients;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("pledge-import"));
    /** Checks and clocks of running imports, beside the thread that writes them. */
    private final ExecutorService checkers = Executors.newCachedThreadPool(daemon("pledge-import-checks"));

    Importer(
            TicketDesk desk,
            ClockRefresh refresh,
            TicketStore tickets,
            ImportJobs jobs,
            Clients clients,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock) {
        this.desk = desk;
        this.refresh = refresh;
        this.tickets = tickets;
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
    public ImportJob start(Path file, String fileName, ImportSettings settings, String createdBy) {
        boolean handedOver = false;
        try {
            Client client = client(settings);
            ImportJob job = jobs.create(settings, client.id().value(), fileName, createdBy, Timestamps.now(clock));
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
        ImportJob job = jobs.create(settings, client.id().value(), fileName, "command line", Timestamps.now(clock));
        return run(job.id(), file, settings, "command line", progress);
    }

    public Optional<ImportJob> find(UUID id) {
        return jobs.find(id);
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
        Set<String> storedEventIds = new HashSet<>(tickets.eventIds(source));
        Map<String, Ticket> existing = tickets.bySource(source);
        phases.done("stored ids");

        // One chunk waits while one is written and the next checked.
        BlockingQueue<Object> handed = new ArrayBlockingQueue<>(1);
        Checks checks =
                new Checks(read, settings, defaultClient, source, storedEventIds, existing, errors, progress, now);
        checkers.execute(() -> checks.run(handed));
        long created = 0;
        long events = 0;
        List<Ticket> updated = new ArrayList<>();
        try {
            for (Object next = take(handed); next != Checks.END; next = take(handed)) {
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                if (next instanceof Throwable failure) {
                    throw new IllegalStateException("checking the file failed", failure);
                }
                Chunk chunk = (Chunk) next;
                refresh.insert(chunk.created(), now, ClockRefresh.Thresholds.HISTORY);
                tickets.appendAll(chunk.events());
                created += chunk.created().current().size();
                events += chunk.events().size();
                updated.addAll(chunk.updated());
            }
        } finally {
            // Not an interrupt: an interrupted thread reading H2's file would close it for everyone.
            checks.stop();
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
                    Map.of(ticket.id(), tickets.events(ticket.id(), Scope.everything())),
                    now,
                    ClockRefresh.Thresholds.HISTORY);
        }
        phases.done("recomputed " + updated.size() + " stored tickets");
        progress.stored(created + updated.size(), events);
        return new Stored(created + updated.size(), events);
    }

    private static Object take(BlockingQueue<Object> handed) {
        try {
            return handed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    /** Checked tickets ready to write: the new ones with their clocks, the events, the stored ones updated. */
    private record Chunk(ClockRefresh.Evaluated created, List<RecordedEvent> events, List<Ticket> updated) {}

    /**
     * Checks the tickets read and computes their clocks, handing them over in chunks, then {@link #END}; or
     * the failure. In all-or-nothing mode, hands nothing more over once a row is invalid.
     */
    private final class Checks {

        static final Object END = new Object();

        private final ImportFile read;
        private final ImportSettings settings;
        private final Client defaultClient;
        private final String source;
        private final Set<String> storedEventIds;
        private final Map<String, Ticket> existing;
        private final List<RowError> errors;
        private final ProgressListener progress;
        private final Instant now;
        private final CatalogMemo catalog = desk.memo();
        /** The audit's digest of the events handed over, read once the last chunk is taken. */
        final TicketAudit.ImportDigest digest = new TicketAudit.ImportDigest();
        /** Nanoseconds spent checking and computing, read once the last chunk is taken. */
        volatile long busy;
        /** Set when the transaction's thread no longer takes anything: checking ends at the next ticket. */
        private volatile boolean stopped;

        Checks(
                ImportFile read,
                ImportSettings settings,
                Client defaultClient,
                String source,
                Set<String> storedEventIds,
                Map<String, Ticket> existing,
                List<RowError> errors,
                ProgressListener progress,
                Instant now) {
            this.read = read;
            this.settings = settings;
            this.defaultClient = defaultClient;
            this.source = source;
            this.storedEventIds = storedEventIds;
            this.existing = existing;
            this.errors = errors;
            this.progress = progress;
            this.now = now;
        }

        void run(BlockingQueue<Object> handed) {
            try {
                check(handed);
                put(handed, END);
            } catch (InterruptedException shutdown) {
                Thread.currentThread().interrupt();
            } catch (Throwable failure) {
                try {
                    put(handed, failure);
                } catch (InterruptedException shutdown) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void stop() {
            stopped = true;
        }

        /** Hands something over once there is room, unless the transaction's thread stopped taking. */
        private void put(BlockingQueue<Object> handed, Object next) throws InterruptedException {
            while (!stopped && !handed.offer(next, 100, TimeUnit.MILLISECONDS)) {
                // Waiting for the writes to take the chunk before.
            }
        }

        private void check(BlockingQueue<Object> handed) throws InterruptedException {
            long started = System.nanoTime();
            List<Ticket> created = new ArrayList<>();
            Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
            List<RecordedEvent> events = new ArrayList<>();
            List<Ticket> updated = new ArrayList<>();
            long count = 0;
            long eventCount = 0;
            int chunk = FIRST_CHUNK;
            long chunkEnd = chunk;
            for (ImportedTicket imported : read.tickets()) {
                if (stopped) {
                    return;
                }
                if (!ticket(imported, created, timelines, events, updated)) {
                    continue;
                }
                if (++count == chunkEnd) {
                    chunk = Math.min(2 * chunk, LARGEST_CHUNK);
                    chunkEnd += chunk;
                    eventCount += events.size();
                    progress.stored(count, eventCount);
                    hand(handed, created, timelines, events, updated, started);
                    created = new ArrayList<>();
                    timelines = new HashMap<>();
                    events = new ArrayList<>();
                    updated = new ArrayList<>();
                    started = System.nanoTime();
                }
            }
            hand(handed, created, timelines, events, updated, started);
        }

        /**
         * Hands a chunk over; once a row is invalid in all-or-nothing mode, only goes on checking, so that
         * every invalid row is reported.
         */
        private void hand(
                BlockingQueue<Object> handed,
                List<Ticket> created,
                Map<TicketId, List<RecordedEvent>> timelines,
                List<RecordedEvent> events,
                List<Ticket> updated,
                long started)
                throws InterruptedException {
            if (!errors.isEmpty() && settings.mode() == ImportMode.ALL_OR_NOTHING) {
                busy += System.nanoTime() - started;
                return;
            }
            Chunk chunk = new Chunk(refresh.evaluate(created, timelines, now), events, updated);
            busy += System.nanoTime() - started;
            put(handed, chunk);
        }

        /** Checks one ticket read, adding it and its events to the chunk; false when it is left out. */
        private boolean ticket(
                ImportedTicket imported,
                List<Ticket> created,
                Map<TicketId, List<RecordedEvent>> timelines,
                List<RecordedEvent> events,
                List<Ticket> updated) {
            Ticket ticket = existing.get(imported.externalId());
            boolean isNew = ticket == null;
            List<RecordedEvent> timeline = new ArrayList<>();
            if (isNew) {
                Client client = imported.client() == null
                        ? defaultClient
                        : catalog.client(imported.client()).orElse(null);
                if (client == null) {
                    errors.add(new RowError(imported.line(), "client", "unknown client \"" + imported.client() + "\""));
                    return false;
                }
                Instant createdAt = imported.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                ticket = TicketDesk.build(
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
                timeline.add(desk.created(ticket, imported.externalId() + "/created", now));
            }
            long seq = isNew ? 2 : tickets.nextSeq(ticket.id());
            int before = errors.size();
            List<RecordedEvent> fresh = new ArrayList<>();
            for (ImportedTicket.Event event : imported.events()) {
                if (!storedEventIds.add(event.eventId())) {
                    continue;
                }
                Violations violations = new Violations();
                RecordedEvent recorded =
                        desk.event(ticket, event.document(), event.eventId(), seq, now, violations, "");
                if (recorded == null) {
                    for (Violation violation : violations.list()) {
                        errors.add(new RowError(event.line(), violation.field(), violation.message()));
                    }
                    continue;
                }
                seq++;
                fresh.add(recorded);
            }
            if (errors.size() > before && settings.mode() == ImportMode.ALL_OR_NOTHING) {
                return false;
            }
            timeline.addAll(fresh);
            events.addAll(timeline);
            digest.add(ticket.clientId(), timeline);
            if (isNew) {
                created.add(ticket);
                timelines.put(ticket.id(), timeline);
                return true;
            }
            if (!fresh.isEmpty()) {
                updated.add(ticket);
            }
            return true;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        background.shutdownNow();
        checkers.shutdownNow();
    }
}
