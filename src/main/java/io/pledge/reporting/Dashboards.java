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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, computed from the modules that own them ({@code tickets.DeskFigures}, the
 * overview, the compliance report's credit at risk, {@code monitoring.MonitorCatalog}, {@code
 * alerts.Deliveries}) at most once per {@code pledge.dashboard.refresh} (10 s by default) for every viewer
 * of the same scope: two hundred open dashboards polling cost one computation per interval, and a poll
 * that finds the same figures is told so by their {@link Snapshot#version()} (an ETag) without a page being
 * rendered.
 */
@Service
public class Dashboards {

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
    private final Map<Scope, Snapshot> latest = new java.util.concurrent.ConcurrentHashMap<>();

    Dashboards(
            DeskFigures desk,
            Overviews overviews,
            ComplianceReports reports,
            MonitorCatalog monitors,
            Deliveries deliveries,
            Clients clients,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone,
            @Value("${pledge.dashboard.refresh:PT10S}") Duration refresh) {
        this.desk = desk;
        this.overviews = overviews;
        this.reports = reports;
        this.monitors = monitors;
        this.deliveries = deliveries;
        this.clients = clients;
        this.clock = clock;
        this.zone = zone;
        this.refresh = refresh;
    }

    /** The latest figures of a scope, computed again when older than the refresh interval. */
    public Snapshot snapshot(Scope scope) {
        Instant now = clock.instant();
        Snapshot last = latest.get(scope);
        if (last != null && now.isBefore(last.computedAt().plus(refresh))) {
            return last;
        }
        synchronized (this) {
            last = latest.get(scope);
            if (last != null && now.isBefore(last.computedAt().plus(refresh))) {
                return last;
            }
            Dashboard figures = compute(scope);
            String version = version(figures);
            Snapshot next = last != null && last.version().equals(version)
                    ? new Snapshot(figures, now, last.changedAt(), version)
                    : new Snapshot(figures, now, now, version);
            latest.put(scope, next);
            return next;
        }
    }

    /** The figures as they stand, computed now. */
    public Dashboard compute(Scope scope) {
        YearMonth month = YearMonth.from(clock.instant().atZone(zone));
        ReportPeriod period = ReportPeriod.month(month);
        DeskFigures.Now now = desk.now(scope);
        Overview overview = overviews.of(period, scope);
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
                    client.tier() == null ? null : creditAtRisk(client.slug(), period, scope)));
        }
        lines.sort(Comparator.comparingLong((ClientLine line) -> -line.breachedClocks())
                .thenComparingLong(line -> -line.ticketsAtRisk())
                .thenComparing(ClientLine::name));
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
