package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportJobs;
import io.pledge.tickets.jdbc.ClockFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk as it stands now, in counts, for the dashboard: per client, the open clocks breached and the
 * tickets at risk (a warning fired, nothing breached yet), counted as the SLA gauges count them; and the
 * imports running. A few aggregate queries, never a row per ticket.
 *
 * <p>The counts of a scope are kept and given again while nothing can have changed them: no write of this
 * process since ({@link DeskChanges}), and no clock's next threshold reached since (the earliest
 * {@code next_due_at} of any ticket, read from its index: a running clock turns breached by time alone
 * only at its due instant, itself one of its thresholds). Writes made by another process (the
 * command-line import) are seen within {@code pledge.dashboard.desk-max-age} (1 minute), after which the
 * counts are taken again whatever happened. The imports running are read every time.
 */
@Service
public class DeskFigures {

    /** One client's open clocks breached and tickets at risk. */
    public record ClientClocks(UUID clientId, long breachedClocks, long ticketsAtRisk) {}

    /** An import running: its client, its file, how far it got. */
    public record RunningImport(UUID id, UUID clientId, String fileName, long rowsRead, Instant startedAt) {}

    /**
     * The figures as of {@code at}; clients without a breached clock or a ticket at risk are left out.
     * {@code changes} and {@code validUntil} say what the counts stand for: the writes counted by
     * {@link DeskChanges} when they were taken, and the instant until which only a write can change them.
     */
    public record Now(
            Instant at, List<ClientClocks> clients, List<RunningImport> imports, long changes, Instant validUntil) {

        public long breachedClocks() {
            return clients.stream().mapToLong(ClientClocks::breachedClocks).sum();
        }

        public long ticketsAtRisk() {
            return clients.stream().mapToLong(ClientClocks::ticketsAtRisk).sum();
        }
    }

    /** The counts of a scope as last taken, and until when nothing but a write can change them. */
    private record Counted(long changes, Instant takenAt, Instant validUntil, List<ClientClocks> clients) {}

    private final ClockFigures figures;
    private final ImportJobs imports;
    private final DeskChanges changes;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Scope, Counted> counted = new ConcurrentHashMap<>();

    DeskFigures(
            ClockFigures figures,
            ImportJobs imports,
            DeskChanges changes,
            Clock clock,
            @Value("${pledge.dashboard.desk-max-age:PT1M}") Duration maxAge) {
        this.figures = figures;
        this.imports = imports;
        this.changes = changes;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The figures of the clients within {@code scope}. */
    @Transactional(readOnly = true)
    public Now now(Scope scope) {
        Instant now = Timestamps.now(clock);
        long written = changes.current();
        Counted last = counted.get(scope);
        if (last == null
                || last.changes() != written
                || !now.isBefore(last.validUntil())
                || !now.isBefore(last.takenAt().plus(maxAge))) {
            // Read before the counts: a threshold reached while they are taken ends their validity.
            Instant validUntil = figures.earliestNextDue().orElse(Instant.MAX);
            last = new Counted(written, now, validUntil, count(scope, now));
            counted.put(scope, last);
        }
        List<RunningImport> running = imports.running().stream()
                .filter(job -> scope.includes(job.clientId()))
                .map(DeskFigures::running)
                .toList();
        return new Now(now, last.clients(), running, last.changes(), last.validUntil());
    }

    private List<ClientClocks> count(Scope scope, Instant now) {
        Map<UUID, long[]> byClient = new TreeMap<>();
        for (ClockFigures.ClockCount count : figures.openClocks(now)) {
            if ("breached".equals(count.state()) && scope.includes(count.client())) {
                byClient.computeIfAbsent(count.client(), id -> new long[2])[0] += count.count();
            }
        }
        for (ClockFigures.RiskCount count : figures.atRisk(now)) {
            if (scope.includes(count.client())) {
                byClient.computeIfAbsent(count.client(), id -> new long[2])[1] += count.count();
            }
        }
        return byClient.entrySet().stream()
                .map(entry -> new ClientClocks(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    private static RunningImport running(ImportJob job) {
        return new RunningImport(job.id(), job.clientId(), job.fileName(), job.rowsRead(), job.startedAt());
    }
}
