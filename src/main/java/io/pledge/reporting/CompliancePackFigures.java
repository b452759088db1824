package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.reporting.ComplianceReport.ClockLine;
import io.pledge.reporting.credits.CreditForecast;
import io.pledge.reporting.credits.CreditStatement;
import io.pledge.reporting.credits.CreditSubject;
import io.pledge.reporting.pack.QbrPack;
import io.pledge.reporting.pack.QbrPack.AccountingRules;
import io.pledge.reporting.pack.QbrPack.AtRiskLine;
import io.pledge.reporting.pack.QbrPack.BreachLine;
import io.pledge.reporting.pack.QbrPack.CreditAtRisk;
import io.pledge.reporting.pack.QbrPack.CreditLine;
import io.pledge.reporting.pack.QbrPack.DailyUptime;
import io.pledge.reporting.pack.QbrPack.Headline;
import io.pledge.reporting.pack.QbrPack.Measure;
import io.pledge.reporting.pack.QbrPack.MonthlyMet;
import io.pledge.reporting.pack.QbrPack.PausedTime;
import io.pledge.reporting.pack.QbrPack.PriorityRow;
import io.pledge.reporting.pack.QbrPack.SystemUptime;
import io.pledge.sla.Metric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The pack's figures taken from the compliance report as the API states them: the headline figures with
 * their previous value and change, the clock lines, breaches, pause time by reason, the monitors and the
 * credits section. Met % per month are the reports of each month of the period, and a day's uptime is the
 * availability the report's own query gives over that day: the pack computes no figure of its own.
 */
@Component
class CompliancePackFigures implements PackFigures {

    private final ComplianceReports reports;
    private final MonitorCatalog monitors;
    private final AvailabilityQueries availability;

    CompliancePackFigures(ComplianceReports reports, MonitorCatalog monitors, AvailabilityQueries availability) {
        this.reports = reports;
        this.monitors = monitors;
        this.availability = availability;
    }

    @Override
    public QbrPack figures(String mspName, Client client, ReportPeriod period, Scope scope) {
        String reference = client.id().value().toString();
        ComplianceReport report = reports.of(reference, period, scope);
        CreditStatement credits = report.credits();
        return new QbrPack(
                mspName,
                client.name(),
                client.details().locale(),
                client.details().zone(),
                period.firstDay(),
                period.lastDay(),
                report.generatedAt(),
                headlines(report),
                report.clocks().stream().map(CompliancePackFigures::row).toList(),
                monthly(reference, period, report, scope),
                systems(reference, report, client.details().zone(), scope),
                paused(report),
                report.breaches().stream()
                        .map(b -> new BreachLine(
                                b.externalId() != null
                                        ? b.externalId()
                                        : b.ticket().toString(),
                                b.subject(),
                                b.priority(),
                                metric(b.metric()),
                                b.target(),
                                b.elapsed(),
                                b.overshoot(),
                                b.breachedAt()))
                        .toList(),
                credits == null
                        ? List.of()
                        : credits.lines().stream()
                                .map(CompliancePackFigures::credit)
                                .toList(),
                credits == null ? null : credits.total(),
                currency(report),
                atRisk(report.creditAtRisk()),
                rules(report),
                null);
    }

    private static List<Headline> headlines(ComplianceReport report) {
        Map<String, ComplianceReport.Headline> byName = new HashMap<>();
        report.headline().forEach(h -> byName.put(h.figure(), h));
        List<Headline> headlines = new ArrayList<>();
        headlines.add(one(Measure.RESPONSE_MET, byName.get("FIRST_RESPONSE.metPercent")));
        headlines.add(one(Measure.RESOLUTION_MET, byName.get("RESOLUTION.metPercent")));
        List<ComplianceReport.Headline> availabilities = report.headline().stream()
                .filter(h -> h.figure().startsWith("monitor.") && h.figure().endsWith(".availability"))
                .toList();
        // The report states availability per monitor, never one across monitors: a client with several
        // monitors reads theirs on the uptime page rather than a figure the report does not state.
        if (availabilities.size() == 1) {
            headlines.add(one(Measure.AVAILABILITY, availabilities.get(0)));
        }
        headlines.add(one(Measure.CLOCKS_STOPPED, byName.get("RESOLUTION.stopped")));
        // The breaches of both metrics are the rows of the report's breach table.
        headlines.add(sum(Measure.BREACHES, byName.get("FIRST_RESPONSE.breaches"), byName.get("RESOLUTION.breaches")));
        headlines.add(sum(
                Measure.PAUSED,
                ComplianceReports.PAUSE_REASONS.stream()
                        .map(reason -> byName.get("paused." + reason))
                        .toArray(ComplianceReport.Headline[]::new)));
        // The report prices the credits of its own period only: no previous figure to compare with.
        headlines.add(new Headline(
                Measure.CREDITS,
                report.credits() == null ? null : report.credits().total(),
                null,
                null));
        return headlines;
    }

    private static Headline one(Measure measure, ComplianceReport.Headline line) {
        return line == null
                ? new Headline(measure, null, null, null)
                : new Headline(measure, line.current(), line.previous(), line.change());
    }

    /** Counts or seconds of one unit added up; the change of a sum is the sum of the changes. */
    private static Headline sum(Measure measure, ComplianceReport.Headline... lines) {
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        for (ComplianceReport.Headline line : lines) {
            if (line == null || line.current() == null) {
                return new Headline(measure, null, null, null);
            }
            current = current.add(line.current());
            previous = line.previous() == null || previous == null ? null : previous.add(line.previous());
        }
        return new Headline(measure, current, previous, previous == null ? null : current.subtract(previous));
    }

    private static PriorityRow row(ClockLine line) {
        return new PriorityRow(
                line.priority(),
                metric(line.metric()),
                line.stopped(),
                line.metPercent(),
                line.median(),
                line.p90(),
                line.target(),
                line.breached());
    }

    /** Met % of each month: the period's own report for a month; for a quarter, each month's clock lines. */
    private List<MonthlyMet> monthly(String client, ReportPeriod period, ComplianceReport report, Scope scope) {
        List<MonthlyMet> months = new ArrayList<>();
        YearMonth first = YearMonth.from(period.firstDay());
        YearMonth last = YearMonth.from(period.lastDay());
        boolean oneMonth = period.kind() == ReportPeriod.Kind.MONTH;
        // A quarter's months from one read of its clock rows, not three whole reports.
        Map<YearMonth, List<ClockLine>> byMonth =
                oneMonth ? Map.of(first, report.clocks()) : reports.monthlyClockLines(client, period, scope);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            List<ClockLine> lines = byMonth.getOrDefault(month, List.of());
            for (ClockLine line : lines) {
                months.add(new MonthlyMet(month, line.priority(), metric(line.metric()), line.metPercent()));
            }
        }
        return months;
    }

    /**
     * The report's monitors, each with its availability per day of the period counted so far, from the
     * same availability query the report's own figure comes from.
     */
    private List<SystemUptime> systems(String client, ComplianceReport report, ZoneId zone, Scope scope) {
        Map<UUID, Monitor> watched = new HashMap<>();
        monitors.list(client, scope).forEach(m -> watched.put(m.id(), m));
        ComplianceReport.PeriodLine period = report.period();
        List<SystemUptime> systems = new ArrayList<>();
        for (ComplianceReport.MonitorLine line : report.monitors()) {
            Monitor monitor = watched.get(line.monitor());
            // The days counted so far, their bounds in the client's zone (a DST day is 23 or 25 hours long).
            List<LocalDate> dates = new ArrayList<>();
            List<Instant> bounds = new ArrayList<>();
            for (LocalDate day = period.firstDay();
                    monitor != null && !day.isAfter(period.lastDay());
                    day = day.plusDays(1)) {
                Instant start = day.atStartOfDay(zone).toInstant();
                if (!start.isBefore(period.until())) {
                    break;
                }
                dates.add(day);
                bounds.add(start);
            }
            List<DailyUptime> days = new ArrayList<>();
            if (!dates.isEmpty()) {
                bounds.add(dates.get(dates.size() - 1)
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant());
                // One read of the monitor's records for all the days, each day counted as uptime() counts it.
                List<BigDecimal> percents = availability.availabilities(monitor, bounds);
                for (int i = 0; i < dates.size(); i++) {
                    if (percents.get(i) != null) {
                        days.add(new DailyUptime(dates.get(i), percents.get(i)));
                    }
                }
            }
            systems.add(new SystemUptime(
                    line.name(), line.target(), line.availability(), line.meetsTarget(), line.downtime(), days));
        }
        return systems;
    }

    /** Pause time by reason as the report's headline states it. */
    private static List<PausedTime> paused(ComplianceReport report) {
        List<PausedTime> paused = new ArrayList<>();
        for (String reason : ComplianceReports.PAUSE_REASONS) {
            report.headline().stream()
                    .filter(h -> h.figure().equals("paused." + reason))
                    .filter(h -> h.current() != null && h.current().signum() > 0)
                    .findFirst()
                    .ifPresent(h -> paused.add(new PausedTime(
                            reason(reason), Duration.ofSeconds(h.current().longValueExact()))));
        }
        return paused;
    }

    private static CreditLine credit(io.pledge.reporting.credits.CreditLine line) {
        return new CreditLine(
                kind(line.subject()),
                subject(line.subject()),
                line.figure(),
                line.step().below(),
                line.creditPercent(),
                line.amount());
    }

    private static Currency currency(ComplianceReport report) {
        if (report.credits() != null) {
            return report.credits().currency();
        }
        return report.creditAtRisk() == null
                ? null
                : report.creditAtRisk().ifNothingElseGoesWrong().currency();
    }

    /** The report's credit at risk as the pack shows it: availability subjects first, then the clocks. */
    private static CreditAtRisk atRisk(CreditForecast forecast) {
        if (forecast == null) {
            return null;
        }
        List<AtRiskLine> lines = new ArrayList<>();
        for (CreditForecast.DowntimeHeadroom line : forecast.downtime()) {
            lines.add(new AtRiskLine(
                    kind(line.subject()),
                    subject(line.subject()),
                    line.availability(),
                    line.current() == null ? null : line.current().creditPercent(),
                    line.next() == null ? null : line.next().below(),
                    line.next() == null ? null : line.next().creditPercent(),
                    line.moreDowntime(),
                    null));
        }
        for (CreditForecast.BreachHeadroom line : forecast.breaches()) {
            lines.add(new AtRiskLine(
                    kind(line.subject()),
                    subject(line.subject()),
                    line.met(),
                    line.current() == null ? null : line.current().creditPercent(),
                    line.next() == null ? null : line.next().below(),
                    line.next() == null ? null : line.next().creditPercent(),
                    null,
                    line.moreBreaches()));
        }
        return new CreditAtRisk(forecast.ifNothingElseGoesWrong().total(), lines);
    }

    private static String kind(CreditSubject subject) {
        if (subject instanceof CreditSubject.Tickets tickets) {
            return tickets.metric() == Metric.FIRST_RESPONSE ? "response" : "resolution";
        }
        return "availability";
    }

    private static String subject(CreditSubject subject) {
        if (subject instanceof CreditSubject.Tickets tickets) {
            return tickets.priority() == null ? "P*" : tickets.priority().code();
        }
        return subject.label();
    }

    private static AccountingRules rules(ComplianceReport report) {
        ComplianceReport.AccountingRules rules = report.rules();
        List<String> calendars = rules.calendars().stream()
                .map(c -> c.name() + " (" + c.zone() + ")")
                .toList();
        List<String> pauses = rules.policies().stream()
                .flatMap(p -> p.pauseStatuses().values().stream())
                .flatMap(List::stream)
                .distinct()
                .toList();
        List<String> policies = rules.policies().stream()
                .map(p -> p.tierName() + " v" + p.version())
                .toList();
        int down = rules.monitors().stream()
                .mapToInt(ComplianceReport.DownRule::downAfter)
                .max()
                .orElse(2);
        int up = rules.monitors().stream()
                .mapToInt(ComplianceReport.DownRule::upAfter)
                .max()
                .orElse(1);
        return new AccountingRules(calendars, pauses, policies, down, up);
    }

    private static String metric(String metric) {
        return metric.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String reason(String reason) {
        return switch (reason) {
            case "WAITING_ON_CUSTOMER" -> "customer";
            case "WAITING_ON_VENDOR" -> "vendor";
            default -> "other";
        };
    }
}
