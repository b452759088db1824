package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.PeriodUptime;
import io.pledge.reporting.ComplianceReport.Breach;
import io.pledge.reporting.ComplianceReport.ClientLine;
import io.pledge.reporting.ComplianceReport.ClockLine;
import io.pledge.reporting.ComplianceReport.Headline;
import io.pledge.reporting.ComplianceReport.MonitorLine;
import io.pledge.reporting.ComplianceReport.OpenBreach;
import io.pledge.reporting.ComplianceReport.OutOfScopeLine;
import io.pledge.reporting.ComplianceReport.PausedLine;
import io.pledge.reporting.ComplianceReport.PeriodLine;
import io.pledge.reporting.ComplianceReport.RetroactiveMaintenance;
import io.pledge.reporting.credits.CreditForecast;
import io.pledge.sla.ClockState;
import io.pledge.sla.Metric;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.ClockRecord;
import io.pledge.tickets.ClockRecords.OutOfScope;
import io.pledge.tickets.ClockRecords.Paused;
import io.pledge.tickets.TicketId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Computes a client's compliance report when asked, from the clock rows the tickets module stores and the
 * uptime figures the monitoring module computes (docs/adr/0030): no report figure is stored.
 */
@Service
public class ComplianceReports {

    /** The three reasons pause time is shown by; any other pause status a policy names is {@code OTHER}. */
    static final List<String> PAUSE_REASONS = List.of("WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR", "OTHER");

    private final Clients clients;
    private final ClockRecords clocks;
    private final MonitorCatalog monitors;
    private final AvailabilityQueries availability;
    private final AccountingRulesWriter rules;
    private final ReportCredits credits;
    private final Clock clock;

    ComplianceReports(
            Clients clients,
            ClockRecords clocks,
            MonitorCatalog monitors,
            AvailabilityQueries availability,
            AccountingRulesWriter rules,
            ReportCredits credits,
            Clock clock) {
        this.clients = clients;
        this.clocks = clocks;
        this.monitors = monitors;
        this.availability = availability;
        this.rules = rules;
        this.credits = credits;
        this.clock = clock;
    }

    /**
     * The report of a client (by id or slug) for a period in the client's zone, within the caller's scope.
     *
     * @throws NotFoundException when the client does not exist or is outside the scope
     */
    public ComplianceReport of(String clientReference, ReportPeriod period, Scope scope) {
        Client client = clients.findByReference(clientReference, scope)
                .orElseThrow(() -> new NotFoundException("client", clientReference));
        ZoneId zone = client.details().zone();
        Instant now = Timestamps.now(clock);
        UUID id = client.id().value();
        List<Monitor> watched = monitors.list(id.toString(), scope);
        ReportPeriod before = period.previous();
        // Both periods' clock records in one read, from the previous period's start to the current one's end.
        Instant to = Collections.max(List.of(until(period, zone, now), until(before, zone, now)));
        List<ClockRecord> both = clocks.ofPeriod(id, before.start(zone), to, scope);
        Figures current = figures(id, period, zone, now, watched, both, scope);
        Figures previous = figures(id, before, zone, now, watched, both, scope);
        PeriodLine line = new PeriodLine(
                period.label(),
                period.kind().name(),
                period.firstDay(),
                period.lastDay(),
                current.start(),
                current.end(),
                current.until(),
                before.label(),
                previous.start(),
                previous.end());
        return new ComplianceReport(
                new ClientLine(id, client.name(), client.slug(), zone.getId()),
                line,
                now,
                headline(current, previous),
                clockLines(current),
                breaches(current),
                openBreaches(current),
                pausedLines(current),
                current.outOfScope().stream()
                        .map(t -> new OutOfScopeLine(
                                t.ticket().value(),
                                t.externalId(),
                                t.priority().code(),
                                t.service(),
                                t.createdAt(),
                                t.reason()))
                        .toList(),
                current.uptime().stream().map(ComplianceReports::monitorLine).toList(),
                credits.of(client.id(), current).orElse(null),
                atRisk(client, period, zone, now, current, scope),
                rules.write(line, zone, current.records(), watched));
    }

    /**
     * The clock lines of each month of a period (a quarter's three months for its pack): per priority, metric
     * and target, the clocks that stopped in that month, as the month's own report states them, from one read
     * of the period's clock rows instead of one whole report per month.
     *
     * @throws NotFoundException when the client does not exist or is outside the scope
     */
    public Map<YearMonth, List<ClockLine>> monthlyClockLines(String clientReference, ReportPeriod period, Scope scope) {
        Client client = clients.findByReference(clientReference, scope)
                .orElseThrow(() -> new NotFoundException("client", clientReference));
        ZoneId zone = client.details().zone();
        Instant now = Timestamps.now(clock);
        Instant start = period.start(zone);
        Instant until = until(period, zone, now);
        List<ClockRecord> records = clocks.ofPeriod(client.id().value(), start, until, scope);
        Map<YearMonth, List<ClockLine>> months = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(period.firstDay());
                !month.isAfter(YearMonth.from(period.lastDay()));
                month = month.plusMonths(1)) {
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Instant monthUntil = to.isAfter(until) ? (until.isAfter(from) ? until : from) : to;
            List<ClockRecord> stopped = records.stream()
                    .filter(r -> r.stoppedWithin(from, monthUntil))
                    .toList();
            months.put(month, clockLines(new Figures(from, to, monthUntil, stopped, List.of(), List.of(), List.of())));
        }
        return months;
    }

    /** The credit at risk while the period has not ended; null once it has (or before it starts counting). */
    private CreditForecast atRisk(
            Client client, ReportPeriod period, ZoneId zone, Instant now, Figures current, Scope scope) {
        if (!period.end(zone).isAfter(now)) {
            return null;
        }
        List<ClockRecords.OpenOnTime> onTime = clocks.openOnTime(client.id().value(), current.until(), scope);
        return credits.forecast(client.id(), current, onTime).orElse(null);
    }

    /** What a period's figures are computed from. */
    record Figures(
            Instant start,
            Instant end,
            Instant until,
            List<ClockRecord> records,
            List<Paused> paused,
            List<OutOfScope> outOfScope,
            List<PeriodUptime> uptime) {

        List<ClockRecord> stopped() {
            return records.stream().filter(r -> r.stoppedWithin(start, until)).toList();
        }

        List<ClockRecord> openBreached() {
            return records.stream().filter(r -> r.openAndBreachedAt(until)).toList();
        }
    }

    private Figures figures(
            UUID client,
            ReportPeriod period,
            ZoneId zone,
            Instant now,
            List<Monitor> watched,
            List<ClockRecord> read,
            Scope scope) {
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        Instant until = until(period, zone, now);
        List<PeriodUptime> uptime = new ArrayList<>();
        for (Monitor monitor : watched) {
            uptime.add(availability.uptime(monitor, start, end));
        }
        List<ClockRecord> records = read.stream()
                .filter(r -> r.stoppedWithin(start, until) || r.openAndBreachedAt(until))
                .toList();
        return new Figures(
                start,
                end,
                until,
                records,
                PausedTimes.of(records, start, until, () -> clocks.pausedOfPeriod(client, start, until, scope)),
                clocks.outOfScope(client, start, until, scope),
                uptime);
    }

    /** A period not over yet is counted up to now: what is open "at its end" is open now. */
    private static Instant until(ReportPeriod period, ZoneId zone, Instant now) {
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        return end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
    }

    private static List<Headline> headline(Figures current, Figures previous) {
        List<Headline> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            Tally now = Tally.of(current, metric);
            Tally before = Tally.of(previous, metric);
            String name = metric.name();
            lines.add(figure(name + ".stopped", "count", count(now.stopped()), count(before.stopped())));
            lines.add(figure(name + ".metPercent", "percent", now.metPercent(), before.metPercent()));
            lines.add(figure(name + ".breaches", "count", count(now.breached()), count(before.breached())));
            lines.add(figure(name + ".openBreached", "count", count(now.openBreached()), count(before.openBreached())));
        }
        Map<String, Duration> pausedNow = pausedByReason(current.paused());
        Map<String, Duration> pausedBefore = pausedByReason(previous.paused());
        for (String reason : PAUSE_REASONS) {
            lines.add(figure(
                    "paused." + reason, "seconds", seconds(pausedNow.get(reason)), seconds(pausedBefore.get(reason))));
        }
        lines.add(figure(
                "outOfScope",
                "count",
                count(current.outOfScope().size()),
                count(previous.outOfScope().size())));
        Map<UUID, PeriodUptime> earlier = new HashMap<>();
        previous.uptime().forEach(u -> earlier.put(u.monitor().id(), u));
        for (PeriodUptime now : current.uptime()) {
            PeriodUptime before = earlier.get(now.monitor().id());
            String name = "monitor." + now.monitor().name();
            lines.add(figure(
                    name + ".availability",
                    "percent",
                    now.availability(),
                    before == null ? null : before.availability()));
            lines.add(figure(
                    name + ".downtime",
                    "seconds",
                    seconds(now.downtime()),
                    before == null ? null : seconds(before.downtime())));
            lines.add(figure(
                    name + ".incidents",
                    "count",
                    count(now.incidents()),
                    before == null ? null : count(before.incidents())));
        }
        return lines;
    }

    /** Counts of one metric over all priorities. */
    private record Tally(long stopped, long met, long breached, long openBreached) {

        static Tally of(Figures figures, Metric metric) {
            List<ClockRecord> stopped =
                    figures.stopped().stream().filter(r -> r.metric() == metric).toList();
            long met = stopped.stream().filter(r -> r.state() == ClockState.MET).count();
            long open = figures.openBreached().stream()
                    .filter(r -> r.metric() == metric)
                    .count();
            return new Tally(stopped.size(), met, stopped.size() - met, open);
        }

        BigDecimal metPercent() {
            return ReportNumbers.percent(met, stopped);
        }
    }

    private static List<ClockLine> clockLines(Figures figures) {
        record Key(String priority, Metric metric, Duration target) {}
        Comparator<Key> order =
                Comparator.comparing(Key::priority).thenComparing(Key::metric).thenComparing(Key::target);
        Map<Key, List<ClockRecord>> groups = new TreeMap<>(order);
        for (ClockRecord record : figures.stopped()) {
            groups.computeIfAbsent(
                            new Key(record.priority().code(), record.metric(), record.target()), k -> new ArrayList<>())
                    .add(record);
        }
        Map<Key, Long> open = new TreeMap<>(order);
        for (ClockRecord record : figures.openBreached()) {
            Key key = new Key(record.priority().code(), record.metric(), record.target());
            open.merge(key, 1L, Long::sum);
            groups.computeIfAbsent(key, k -> new ArrayList<>());
        }
        List<ClockLine> lines = new ArrayList<>();
        groups.forEach((key, records) -> {
            List<Duration> times =
                    records.stream().map(ClockRecord::elapsed).sorted().toList();
            long met = records.stream().filter(r -> r.state() == ClockState.MET).count();
            lines.add(new ClockLine(
                    key.priority(),
                    key.metric().name(),
                    key.target(),
                    records.size(),
                    met,
                    records.size() - met,
                    ReportNumbers.percent(met, records.size()),
                    Percentiles.of(times, 50),
                    Percentiles.of(times, 90),
                    open.getOrDefault(key, 0L)));
        });
        return lines;
    }

    private static List<Breach> breaches(Figures figures) {
        return figures.stopped().stream()
                .filter(r -> r.state() == ClockState.BREACHED)
                .sorted(Comparator.comparing(ClockRecord::stoppedAt).thenComparing(r -> r.metric()))
                .map(r -> new Breach(
                        r.ticket().value(),
                        r.externalId(),
                        r.subject(),
                        r.priority().code(),
                        r.metric().name(),
                        r.target(),
                        r.elapsed(),
                        r.elapsed().minus(r.target()),
                        r.breachedAt(),
                        r.stoppedAt(),
                        timeline(r.ticket())))
                .toList();
    }

    private static List<OpenBreach> openBreaches(Figures figures) {
        return figures.openBreached().stream()
                .sorted(Comparator.comparing(ClockRecord::breachedAt).thenComparing(r -> r.metric()))
                .map(r -> new OpenBreach(
                        r.ticket().value(),
                        r.externalId(),
                        r.subject(),
                        r.priority().code(),
                        r.metric().name(),
                        r.target(),
                        r.breachedAt(),
                        r.state().name(),
                        r.stoppedAt(),
                        timeline(r.ticket())))
                .toList();
    }

    private static List<PausedLine> pausedLines(Figures figures) {
        Map<String, ClockRecord> byClock = new HashMap<>();
        figures.stopped().forEach(r -> byClock.put(r.ticket().value() + "/" + r.metric(), r));
        record Key(String priority, Metric metric, String reason) {}
        Map<Key, long[]> clocks = new TreeMap<>(Comparator.comparing(Key::priority)
                .thenComparing(Key::metric)
                .thenComparing(k -> PAUSE_REASONS.indexOf(k.reason())));
        Map<Key, Duration> time = new HashMap<>();
        for (Paused paused : figures.paused()) {
            ClockRecord record = byClock.get(paused.ticket().value() + "/" + paused.metric());
            if (record == null) {
                continue;
            }
            PausedTimes.byReason(paused).forEach((reason, duration) -> {
                if (!duration.isZero()) {
                    Key key = new Key(record.priority().code(), paused.metric(), reason);
                    clocks.computeIfAbsent(key, k -> new long[1])[0]++;
                    time.merge(key, duration, Duration::plus);
                }
            });
        }
        List<PausedLine> lines = new ArrayList<>();
        clocks.forEach((key, count) ->
                lines.add(new PausedLine(key.priority(), key.metric().name(), key.reason(), count[0], time.get(key))));
        return lines;
    }

    private static Map<String, Duration> pausedByReason(List<Paused> paused) {
        Map<String, Duration> total = new HashMap<>();
        for (String reason : PAUSE_REASONS) {
            total.put(reason, Duration.ZERO);
        }
        for (Paused p : paused) {
            PausedTimes.byReason(p).forEach((reason, duration) -> total.merge(reason, duration, Duration::plus));
        }
        return total;
    }

    private static MonitorLine monitorLine(PeriodUptime uptime) {
        Monitor monitor = uptime.monitor();
        List<RetroactiveMaintenance> retroactive = new ArrayList<>();
        for (PeriodUptime.RetroactiveWindow window : uptime.retroactiveWindows()) {
            for (PeriodUptime.Interval occurrence : window.occurrences()) {
                retroactive.add(new RetroactiveMaintenance(
                        window.name(), window.reason(), window.createdAt(), occurrence.start(), occurrence.end()));
            }
        }
        return new MonitorLine(
                monitor.id(),
                monitor.name(),
                monitor.definition().commitment().service(),
                uptime.target(),
                uptime.availability(),
                uptime.meetsTarget(),
                uptime.covered(),
                uptime.downtime(),
                uptime.maintenance(),
                uptime.gaps(),
                uptime.allowed(),
                uptime.budgetUsedPercent(),
                uptime.incidents(),
                uptime.meanTimeToRecovery(),
                retroactive);
    }

    static String timeline(TicketId ticket) {
        return "/api/v1/tickets/" + ticket.value() + "/sla";
    }

    private static Headline figure(String name, String unit, BigDecimal current, BigDecimal previous) {
        BigDecimal change = current == null || previous == null ? null : current.subtract(previous);
        return new Headline(name, unit, current, previous, change);
    }

    private static BigDecimal count(long count) {
        return BigDecimal.valueOf(count);
    }

    private static BigDecimal seconds(Duration duration) {
        return duration == null
                ? null
                : BigDecimal.valueOf(Objects.requireNonNull(duration).toSeconds());
    }
}
