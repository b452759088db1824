package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportJobs;
import io.pledge.tickets.jdbc.ClockFigures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk as it stands now, in counts, for the dashboard: per client, the open clocks breached and the
 * tickets at risk (a warning fired, nothing breached yet), counted as the SLA gauges count them; and the
 * imports running. A few aggregate queries, never a row per ticket.
 */
@Service
public class DeskFigures {

    /** One client's open clocks breached and tickets at risk. */
    public record ClientClocks(UUID clientId, long breachedClocks, long ticketsAtRisk) {}

    /** An import running: its client, its file, how far it got. */
    public record RunningImport(UUID id, UUID clientId, String fileName, long rowsRead, Instant startedAt) {}

    /** The figures as of {@code at}; clients without a breached clock or a ticket at risk are left out. */
    public record Now(Instant at, List<ClientClocks> clients, List<RunningImport> imports) {

        public long breachedClocks() {
            return clients.stream().mapToLong(ClientClocks::breachedClocks).sum();
        }

        public long ticketsAtRisk() {
            return clients.stream().mapToLong(ClientClocks::ticketsAtRisk).sum();
        }
    }

    private final ClockFigures figures;
    private final ImportJobs imports;
    private final Clock clock;

    DeskFigures(ClockFigures figures, ImportJobs imports, Clock clock) {
        this.figures = figures;
        this.imports = imports;
        this.clock = clock;
    }

    /** The figures of the clients within {@code scope}. */
    @Transactional(readOnly = true)
    public Now now(Scope scope) {
        Instant now = Timestamps.now(clock);
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
        List<ClientClocks> clients = byClient.entrySet().stream()
                .map(entry -> new ClientClocks(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
        List<RunningImport> running = imports.running().stream()
                .filter(job -> scope.includes(job.clientId()))
                .map(DeskFigures::running)
                .toList();
        return new Now(now, clients, running);
    }

    private static RunningImport running(ImportJob job) {
        return new RunningImport(job.id(), job.clientId(), job.fileName(), job.rowsRead(), job.startedAt());
    }
}
