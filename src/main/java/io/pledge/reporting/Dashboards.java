package io.pledge.reporting;

import io.pledge.alerts.Deliveries;
import io.pledge.alerts.Delivery;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Scope;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.reporting.Dashboard.ClientLine;
import io.pledge.reporting.Dashboard.ImportRunning;
import io.pledge.reporting.Dashboard.Money;
import io.pledge.reporting.Dashboard.MonitorDown;
import io.pledge.reporting.credits.CreditForecast;
import io.pledge.tickets.DeskFigures;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, computed from the modules that own them ({@code tickets.DeskFigures}, the
 * overview, the compliance report's credit at risk, {@code monitoring.MonitorCatalog}, {@code
 * alerts.Deliveries}) at most once per {@code pledge.dashboard.refresh} (10 s by default) for every viewer
 * of the same scope, in the background: two hundred open dashboards polling cost one computation per
 * interval, no poll waits for one, and a poll that finds the same figures is told so by their {@link
 * Snapshot#version()} (an ETag) without a page being rendered. While nothing changes, a refresh costs
 * little: {@code DeskFigures} gives its counts again without counting, and the month's figures are not
 * computed again unless something they depend on may have changed.
 */
@Service
public class Dashboards {

    private static final Logger log = LoggerFactory.getLogger(Dashboards.class);

    /**
     * The figures, when they last changed, and a version that changes exactly when they do.
     *
     * @param computedAt when the figures were last computed
     * @param changedAt when they were last found different from the computation before
     */
    public record Snapshot(Dashboard figures, Instant computedAt, Instant changedAt, String version) {}

    private final DeskFigures desk;
    private final Overviews overviews;
    private final ComplianceReports reports;
    private final MonitorCatalog monitors;
    private final Deliveries deliveries;
    private final Clients clients;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration refresh;
    private final Map<Scope, Snapshot> latest = new ConcurrentHashMap<>();
    private final Set<Scope> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<Scope, MonthFigures> months = new ConcurrentHashMap<>();
    private final Duration monthRefresh;
    /** One computation at a time, whatever the number of scopes and viewers. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dashboard-refresh");
        thread.setDaemon(true);
        return thread;
    });

    Dashboards(
            DeskFigures desk,
            Overviews overviews,
            ComplianceReports reports,
            MonitorCatalog monitors,
            Deliveries deliveries,
            Clients clients,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone,
            @Value("${pledge.dashboard.refresh:PT10S}") Duration refresh,
            @Value("${pledge.dashboard.month-refresh:PT5M}") Duration monthRefresh) {
        this.desk = desk;
        this.overviews = overviews;
        this.reports = reports;
        this.monitors = monitors;
        this.deliveries = deliveries;
        this.clients = clients;
        this.clock = clock;
        this.zone = zone;
        this.refresh = refresh;
        this.monthRefresh = monthRefresh;
    }

    /**
     * The latest figures of a scope. The first viewer of a scope waits for them; after that a viewer never
     * does: figures older than the refresh interval are answered as they are while one computation of the
     * scope runs in the background, so that a page's time does not grow with the number of clients.
     */
    public Snapshot snapshot(Scope scope) {
        Snapshot last = latest.get(scope);
        if (last == null) {
            synchronized (this) {
                last = latest.get(scope);
                if (last == null) {
                    last = refreshed(scope);
                }
            }
            return last;
        }
        if (!clock.instant().isBefore(last.computedAt().plus(refresh)) && refreshing.add(scope)) {
            try {
                background.execute(() -> {
                    try {
                        refreshed(scope);
                    } catch (RuntimeException failed) {
                        log.warn("The dashboard's figures could not be computed; the last ones stay shown", failed);
                    } finally {
                        refreshing.remove(scope);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                refreshing.remove(scope);
            }
        }
        return last;
    }

    /** Computes the scope's figures and keeps them, with the version they had if they did not change. */
    private Snapshot refreshed(Scope scope) {
        Instant now = clock.instant();
        Dashboard figures = compute(scope);
        String version = version(figures);
        Snapshot next = latest.compute(
                scope,
                (any, last) -> last != null && last.version().equals(version)
                        ? new Snapshot(figures, now, last.changedAt(), version)
                        : new Snapshot(figures, now, now, version));
        return next;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The figures as they stand, computed now. */
    public Dashboard compute(Scope scope) {
        YearMonth month = YearMonth.from(clock.instant().atZone(zone));
        ReportPeriod period = ReportPeriod.month(month);
        DeskFigures.Now now = desk.now(scope);
        Map<UUID, Client> byId = clients.all().stream()
                .filter(client -> scope.includes(client.id().value()))
                .collect(Collectors.toMap(client -> client.id().value(), Function.identity()));
        List<MonitorDown> down = new ArrayList<>();
        for (Monitor monitor : monitors.list(null, scope)) {
            if ("DOWN".equals(monitors.statusOf(monitor))) {
                Client owner = byId.get(monitor.client().value());
                down.add(new MonitorDown(
                        monitor.id(),
                        monitor.name(),
                        owner == null ? null : owner.name(),
                        owner == null ? null : owner.details().zone().getId(),
                        monitor.standing().statusSince()));
            }
        }
        down.sort(Comparator.comparing(MonitorDown::since, Comparator.nullsLast(Comparator.naturalOrder())));
        // A monitor down adds to its client's downtime, and so to the month's figures, as time passes.
        MonthFigures monthFigures = monthFigures(scope, period, now, !down.isEmpty());
        Overview overview = monthFigures.overview();
        Map<String, BigDecimal> tierMet = overview.tiers().stream()
                .filter(tier -> tier.name() != null && tier.resolutionMetPercent() != null)
                .collect(Collectors.toMap(
                        Overview.TierLine::name, Overview.TierLine::resolutionMetPercent, (a, b) -> a));
        Map<UUID, DeskFigures.ClientClocks> clocks = now.clients().stream()
                .collect(Collectors.toMap(DeskFigures.ClientClocks::clientId, Function.identity()));
        List<ClientLine> lines = new ArrayList<>();
        for (Overview.ClientLine client : overview.clients()) {
            DeskFigures.ClientClocks open = clocks.get(client.client());
            lines.add(new ClientLine(
                    client.client(),
                    client.name(),
                    client.slug(),
                    client.zone(),
                    client.tier(),
                    open == null ? 0 : open.breachedClocks(),
                    open == null ? 0 : open.ticketsAtRisk(),
                    client.resolutionMetPercent(),
                    client.firstResponseMetPercent(),
                    client.tier() == null ? null : tierMet.get(client.tier()),
                    monthFigures.creditsAtRisk().get(client.slug())));
        }
        lines.sort(Comparator.comparingLong((ClientLine line) -> -line.breachedClocks())
                .thenComparingLong(line -> -line.ticketsAtRisk())
                .thenComparing(ClientLine::name));
        long dead = scope.client().isEmpty()
                ? deliveries.backlog().stream()
                        .filter(backlog -> backlog.state() == Delivery.State.DEAD)
                        .mapToLong(Deliveries.Backlog::count)
                        .sum()
                : 0;
        List<ImportRunning> imports = now.imports().stream()
                .map(job -> new ImportRunning(
                        job.id(),
                        byId.containsKey(job.clientId())
                                ? byId.get(job.clientId()).name()
                                : null,
                        job.fileName(),
                        job.rowsRead(),
                        job.startedAt()))
                .toList();
        Map<String, BigDecimal> credits = new LinkedHashMap<>();
        lines.stream()
                .map(ClientLine::creditAtRisk)
                .filter(money -> money != null && money.amount().signum() > 0)
                .forEach(money -> credits.merge(money.currency(), money.amount(), BigDecimal::add));
        return new Dashboard(
                period.label(),
                now.breachedClocks(),
                now.ticketsAtRisk(),
                lines,
                down,
                dead,
                imports,
                credits.entrySet().stream()
                        .map(entry -> new Money(entry.getValue(), entry.getKey()))
                        .toList());
    }

    /**
     * The month's figures of every client of a scope (met % and credit at risk, a compliance report each):
     * computing them is most of the dashboard's cost, and they move slowly, so they are computed again at
     * most every {@code pledge.dashboard.month-refresh} (5 minutes by default), and then only when they may
     * have changed since: the desk changed (a write, a clock's threshold reached, other counts: {@code desk}),
     * a monitor is down, a new month began, or they are twelve times that old (writes of another process).
     */
    private MonthFigures monthFigures(Scope scope, ReportPeriod period, DeskFigures.Now desk, boolean monitorsDown) {
        Instant now = clock.instant();
        MonthFigures last = months.get(scope);
        if (last != null && last.period().equals(period)) {
            Duration age = Duration.between(last.computedAt(), now);
            boolean deskChanged = monitorsDown
                    || last.deskChanges() != desk.changes()
                    || !now.isBefore(last.deskValidUntil())
                    || !last.desk().equals(desk.clients());
            if (age.compareTo(monthRefresh) < 0 || (!deskChanged && age.compareTo(monthRefresh.multipliedBy(12)) < 0)) {
                return last;
            }
        }
        Overview overview = overviews.of(period, scope);
        Map<String, Money> credits = new HashMap<>();
        for (Overview.ClientLine client : overview.clients()) {
            if (client.tier() != null) {
                Money owed = creditAtRisk(client.slug(), period, scope);
                if (owed != null) {
                    credits.put(client.slug(), owed);
                }
            }
        }
        MonthFigures computed =
                new MonthFigures(period, overview, credits, now, desk.changes(), desk.validUntil(), desk.clients());
        months.put(scope, computed);
        return computed;
    }

    /** The month's figures, and the desk they were computed beside ({@link DeskFigures.Now}). */
    private record MonthFigures(
            ReportPeriod period,
            Overview overview,
            Map<String, Money> creditsAtRisk,
            Instant computedAt,
            long deskChanges,
            Instant deskValidUntil,
            List<DeskFigures.ClientClocks> desk) {}

    /** What the client's month owes if nothing else goes wrong; null when its contract prices no credit. */
    private Money creditAtRisk(String client, ReportPeriod period, Scope scope) {
        CreditForecast forecast = reports.of(client, period, scope).creditAtRisk();
        if (forecast == null || forecast.ifNothingElseGoesWrong() == null) {
            return null;
        }
        var statement = forecast.ifNothingElseGoesWrong();
        return new Money(statement.total(), statement.currency().getCurrencyCode());
    }

    /** A digest of the figures: equal figures, equal version. */
    static String version(Dashboard figures) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(figures.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
