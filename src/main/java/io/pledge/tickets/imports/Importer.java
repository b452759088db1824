package io.pledge.tickets.imports;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.CatalogMemo;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.SlaCalculator;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final TicketDesk desk;
    private final TicketStore tickets;
    private final SlaCalculator calculator;
    private final ImportJobs jobs;
    private final Clients clients;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pledge-import");
        thread.setDaemon(true);
        return thread;
    });

    Importer(
            TicketDesk desk,
            TicketStore tickets,
            SlaCalculator calculator,
            ImportJobs jobs,
            Clients clients,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock) {
        this.desk = desk;
        this.tickets = tickets;
        this.calculator = calculator;
        this.jobs = jobs;
        this.clients = clients;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a job and runs it in the background; the file is deleted when the job ends. */
    public ImportJob start(Path file, String fileName, ImportSettings settings, String createdBy) {
        Client client = client(settings);
        ImportJob job = jobs.create(settings, client.id().value(), fileName, createdBy, Timestamps.now(clock));
        background.submit(() -> {
            try {
                run(job.id(), file, settings, createdBy, rows -> {});
            } finally {
                deleteQuietly(file);
            }
        });
        return job;
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

    /** Stores what was read; invalid events found here are added to {@code errors} with their line. */
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
        CatalogMemo catalog = desk.memo();
        Set<String> storedEventIds = new HashSet<>(tickets.eventIds(source));
        Map<String, Ticket> existing = tickets.bySource(source);
        phases.done("stored ids");

        List<Ticket> created = new ArrayList<>();
        List<RecordedEvent> events = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> newEvents = new HashMap<>();
        List<Ticket> updated = new ArrayList<>();
        long count = 0;
        for (ImportedTicket imported : read.tickets()) {
            Ticket ticket = existing.get(imported.externalId());
            boolean isNew = ticket == null;
            List<RecordedEvent> timeline = new ArrayList<>();
            if (isNew) {
                Client client = imported.client() == null
                        ? defaultClient
                        : catalog.client(imported.client()).orElse(null);
                if (client == null) {
                    errors.add(new RowError(imported.line(), "client", "unknown client \"" + imported.client() + "\""));
                    continue;
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
                RecordedEvent creation = desk.created(ticket, imported.externalId() + "/created", now);
                timeline.add(creation);
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
                continue;
            }
            timeline.addAll(fresh);
            events.addAll(timeline);
            if (isNew) {
                created.add(ticket);
                newEvents.put(ticket.id(), timeline);
            } else if (!fresh.isEmpty()) {
                updated.add(ticket);
            }
            if (++count % 1000 == 0) {
                progress.stored(count, events.size());
            }
        }
        if (!errors.isEmpty() && settings.mode() == ImportMode.ALL_OR_NOTHING) {
            return new Stored(0, 0);
        }
        phases.done("checked " + events.size() + " events");
        desk.insertHistory(created, newEvents, now);
        phases.done("computed and wrote " + created.size() + " tickets with their clocks");
        tickets.appendAll(events);
        phases.done("wrote the events");
        audit(job, actor, created, updated, events);
        phases.done("audited");
        for (Ticket ticket : updated) {
            desk.refreshHistory(ticket, tickets.events(ticket.id()), now);
        }
        phases.done("recomputed " + updated.size() + " stored tickets");
        progress.stored(created.size() + updated.size(), events.size());
        return new Stored(created.size() + updated.size(), events.size());
    }

    /** One audit entry per client whose tickets the import touched: counts, and a digest of the events. */
    private void audit(UUID job, String actor, List<Ticket> created, List<Ticket> updated, List<RecordedEvent> events) {
        Map<TicketId, UUID> clientOf = new HashMap<>();
        created.forEach(ticket -> clientOf.put(ticket.id(), ticket.clientId()));
        updated.forEach(ticket -> clientOf.put(ticket.id(), ticket.clientId()));
        Map<UUID, List<RecordedEvent>> byClient = new java.util.TreeMap<>();
        for (RecordedEvent event : events) {
            byClient.computeIfAbsent(clientOf.get(event.ticket()), client -> new ArrayList<>())
                    .add(event);
        }
        List<AuditLog.Change> changes = new ArrayList<>();
        byClient.forEach((client, stored) -> changes.add(TicketAudit.imported(
                client,
                job,
                (int) stored.stream().map(RecordedEvent::ticket).distinct().count(),
                stored,
                actor)));
        audit.append(changes);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
