package io.pledge.monitoring;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.Clients;
import io.pledge.core.Instants;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.uptime.Availability;
import io.pledge.monitoring.uptime.AvailabilityReport;
import io.pledge.monitoring.uptime.BurnAlerts;
import io.pledge.monitoring.uptime.Measure;
import io.pledge.monitoring.uptime.Span;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Availability, error budget and burn rates of a monitor, its check statistics and the monitoring gaps,
 * read from their records over the periods and ranges requests name.
 */
@Service
public class AvailabilityQueries {

    private final Monitors monitors;
    private final Downtimes downtimes;
    private final CheckStatistics statistics;
    private final MonitoringGaps monitoringGaps;
    private final MaintenanceSchedules maintenance;
    private final Calendars calendars;
    private final Clients clients;
    private final Clock clock;

    AvailabilityQueries(
            Monitors monitors,
            Downtimes downtimes,
            CheckStatistics statistics,
            MonitoringGaps monitoringGaps,
            MaintenanceSchedules maintenance,
            Calendars calendars,
            Clients clients,
            Clock clock) {
        this.monitors = monitors;
        this.downtimes = downtimes;
        this.statistics = statistics;
        this.monitoringGaps = monitoringGaps;
        this.maintenance = maintenance;
        this.calendars = calendars;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The period a query names for a monitor; days are read in the query's zone, else its client's, else
     * UTC.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid parameter
     */
    public AvailabilityPeriod period(Monitor monitor, AvailabilityPeriod.Query query) {
        ZoneId clientZone = query.zone() == null
                ? clients.find(monitor.client()).map(c -> c.details().zone()).orElse(ZoneId.of("UTC"))
                : null;
        Violations violations = new Violations();
        AvailabilityPeriod period = AvailabilityPeriod.parse(query, clientZone, clock.instant(), violations);
        violations.throwIfAny();
        return period;
    }

    /**
     * The monitor's check statistics per {@code HOUR} or {@code DAY} (UTC) from {@code from} (default: a
     * day ago for hours, 30 days for days) to {@code to} (default: now).
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid parameter
     */
    public List<CheckStat> checks(Monitor monitor, String granularity, String from, String to) {
        Violations violations = new Violations();
        String unit = granularity.toUpperCase(Locale.ROOT);
        if (!unit.equals("HOUR") && !unit.equals("DAY")) {
            violations.add("granularity", "must be HOUR or DAY, got " + granularity);
        }
        Instant now = clock.instant();
        Instant start = from == null
                ? now.minus(unit.equals("DAY") ? Duration.ofDays(30) : Duration.ofDays(1))
                : violations.parse("from", from, Instants.WHAT, Instants::parse);
        Instant end = to == null ? now.plusSeconds(1) : violations.parse("to", to, Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        return statistics.of(monitor.id(), unit, start, end);
    }

    /**
     * The monitoring gaps of every node from {@code from} (default: 30 days ago) to {@code to} (default:
     * now).
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid parameter
     */
    public List<MonitoringGap> gaps(String from, String to) {
        Violations violations = new Violations();
        Instant now = clock.instant();
        Instant start = from == null
                ? now.minus(Duration.ofDays(30))
                : violations.parse("from", from, Instants.WHAT, Instants::parse);
        Instant end = to == null ? now.plusSeconds(1) : violations.parse("to", to, Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        return new ArrayList<>(monitoringGaps.between(start, end));
    }

    /**
     * The answer for a period.
     *
     * @param soFar availability over the period up to now (all of it when it has ended)
     * @param whole the whole period, for its error budget (maintenance planned ahead included)
     * @param rates burn rates over the windows ending now
     * @param downtime the downtime records overlapping the period
     * @param retroactive the maintenance windows in the period that were created after they started
     */
    public record Answer(
            AvailabilityReport soFar,
            AvailabilityReport whole,
            BurnAlerts.Rates rates,
            boolean fastBurn,
            boolean slowBurn,
            List<Downtime> downtime,
            List<MaintenanceSchedules.Retroactive> retroactive,
            Instant now) {

        public Duration used() {
            return soFar.downtime();
        }

        public Duration remaining() {
            return whole.allowed().minus(soFar.downtime());
        }
    }

    public Answer over(Monitor monitor, Span period) {
        Instant now = Timestamps.now(clock);
        Span elapsed = period.end().isAfter(now)
                ? Span.of(period.start(), now.isAfter(period.start()) ? now : period.start())
                : period;
        List<Downtime> records = downtimes.overlapping(monitor.id(), period.start(), period.end());
        List<Span> down = records.stream().map(d -> d.until(now)).toList();
        List<Span> maintained = maintenance.within(monitor, period);
        List<Span> gaps = gaps(monitor, period);
        Measure measure = measure(monitor);
        // No data before the monitor was watched: so far it is covered from then to now; the whole
        // period's budget assumes it is watched from then (or from now, if not yet) to the period's end.
        Optional<Instant> watchedSince = monitors.watchedSince(monitor.id());
        List<Span> coveredSoFar = watchedSince
                .filter(since -> since.isBefore(now))
                .map(since -> List.of(Span.of(since, now)))
                .orElse(List.of());
        Instant from = watchedSince.filter(since -> since.isBefore(now)).orElse(now);
        List<Span> coveredWhole = period.end().isAfter(from) ? List.of(Span.of(from, period.end())) : List.of();
        AvailabilityReport soFar =
                Availability.over(elapsed, coveredSoFar, down, maintained, gaps, monitor.target(), measure);
        AvailabilityReport whole =
                Availability.over(period, coveredWhole, down, maintained, gaps, monitor.target(), measure);
        Span window = Span.of(now.minus(BurnSeverity.SLOW.longWindow()), now);
        List<Span> recent = downtimes.overlapping(monitor.id(), window.start(), now).stream()
                .map(d -> d.until(now))
                .toList();
        BurnAlerts.Rates rates = BurnAlerts.at(
                now, recent, maintenance.within(monitor, window), gaps(monitor, window), monitor.target());
        return new Answer(
                soFar,
                whole,
                rates,
                rates.burning(BurnAlerts.Severity.FAST),
                rates.burning(BurnAlerts.Severity.SLOW),
                records,
                maintenance.retroactiveWithin(monitor, period),
                now);
    }

    /** The monitor's uptime over {@code [from, to)}, in plain values: the figures of {@link #over}. */
    public PeriodUptime uptime(Monitor monitor, Instant from, Instant to) {
        return PeriodUptime.of(monitor, over(monitor, Span.of(from, to)));
    }

    /**
     * The availability over each of consecutive spans (the days of a report's period, say), each as {@link
     * #uptime} states it for that span on its own, from one read of the monitor's records over them all
     * instead of one per span. Spans that have not begun are counted as empty, like {@link #over}.
     *
     * @param bounds ascending instants: span {@code i} is {@code [bounds[i], bounds[i + 1])}
     * @return one availability per span (null where the monitor was not watched)
     */
    public List<java.math.BigDecimal> availabilities(Monitor monitor, List<Instant> bounds) {
        if (bounds.size() < 2) {
            return List.of();
        }
        Instant now = Timestamps.now(clock);
        Span all = Span.of(bounds.get(0), bounds.get(bounds.size() - 1));
        List<Span> down = downtimes.overlapping(monitor.id(), all.start(), all.end()).stream()
                .map(d -> d.until(now))
                .toList();
        List<Span> maintained = maintenance.within(monitor, all);
        List<Span> gaps = gaps(monitor, all);
        Measure measure = measure(monitor);
        List<Span> coveredSoFar = monitors.watchedSince(monitor.id())
                .filter(since -> since.isBefore(now))
                .map(since -> List.of(Span.of(since, now)))
                .orElse(List.of());
        List<java.math.BigDecimal> availabilities = new ArrayList<>(bounds.size() - 1);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Span period = Span.of(bounds.get(i), bounds.get(i + 1));
            Span elapsed = period.end().isAfter(now)
                    ? Span.of(period.start(), now.isAfter(period.start()) ? now : period.start())
                    : period;
            availabilities.add(
                    Availability.over(elapsed, coveredSoFar, down, maintained, gaps, monitor.target(), measure)
                            .availability());
        }
        return availabilities;
    }

    /**
     * One day of a monitor's uptime, in its client's zone: availability (null when it was not watched that
     * day), and the downtime, maintenance and monitoring gaps counted in it, as {@link #over} counts them.
     */
    public record Day(
            LocalDate date,
            BigDecimal availability,
            BigDecimal target,
            Duration downtime,
            Duration maintenance,
            Duration gaps) {}

    /**
     * The monitor's uptime day by day over the last {@code days} days (today, so far, last), in its client's
     * zone: each day's availability from the same records and rules as {@link #over}, the records read once.
     */
    public List<Day> daily(Monitor monitor, int days) {
        ZoneId zone =
                clients.find(monitor.client()).map(c -> c.details().zone()).orElse(ZoneId.of("UTC"));
        Instant now = Timestamps.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(days - 1L);
        Span range = Span.of(
                first.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        List<Span> down = downtimes.overlapping(monitor.id(), range.start(), range.end()).stream()
                .map(d -> d.until(now))
                .toList();
        List<Span> maintained = maintenance.within(monitor, range);
        List<Span> gaps = gaps(monitor, range);
        List<Span> covered = monitors.watchedSince(monitor.id())
                .filter(since -> since.isBefore(now))
                .map(since -> List.of(Span.of(since, now)))
                .orElse(List.of());
        Measure measure = measure(monitor);
        List<Day> answer = new ArrayList<>(days);
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            Span day = Span.of(start, end.isAfter(now) ? now : end);
            AvailabilityReport report =
                    Availability.over(day, covered, down, maintained, gaps, monitor.target(), measure);
            answer.add(new Day(
                    date,
                    report.availability(),
                    monitor.target(),
                    report.downtime(),
                    report.maintenance(),
                    report.gaps()));
        }
        return answer;
    }

    private List<Span> gaps(Monitor monitor, Span range) {
        if (!monitor.kind().probed()) {
            return List.of();
        }
        return monitoringGaps.between(range.start(), range.end()).stream()
                .map(g -> Span.of(g.start(), g.end()))
                .toList();
    }

    private Measure measure(Monitor monitor) {
        CalendarId calendarId = monitor.definition().commitment().calendar();
        if (calendarId == null) {
            return Measure.ELAPSED;
        }
        BusinessCalendar calendar = calendars
                .find(calendarId)
                .map(stored -> BusinessCalendars.of(stored.definition()))
                .orElse(null);
        return calendar == null ? Measure.ELAPSED : calendar::between;
    }
}
