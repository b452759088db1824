package io.pledge.monitoring;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.jdbc.MonitoringStore;
import io.pledge.monitoring.jdbc.MonitoringStore.Downtime;
import io.pledge.monitoring.uptime.Availability;
import io.pledge.monitoring.uptime.AvailabilityReport;
import io.pledge.monitoring.uptime.BurnAlerts;
import io.pledge.monitoring.uptime.Measure;
import io.pledge.monitoring.uptime.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Availability, error budget and burn rates of a monitor, read from its records. */
@Service
public class AvailabilityQueries {

    private final MonitoringStore store;
    private final MaintenanceSchedules maintenance;
    private final Calendars calendars;
    private final Clock clock;

    AvailabilityQueries(MonitoringStore store, MaintenanceSchedules maintenance, Calendars calendars, Clock clock) {
        this.store = store;
        this.maintenance = maintenance;
        this.calendars = calendars;
        this.clock = clock;
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
        List<Downtime> records = store.downtime(monitor.id(), period.start(), period.end());
        List<Span> down = records.stream().map(d -> d.until(now)).toList();
        List<Span> maintained = maintenance.within(monitor, period);
        List<Span> gaps = gaps(monitor, period);
        Measure measure = measure(monitor);
        // No data before the monitor was watched: so far it is covered from then to now; the whole
        // period's budget assumes it is watched from then (or from now, if not yet) to the period's end.
        Optional<Instant> watchedSince = store.watchedSince(monitor.id());
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
        List<Span> recent = store.downtime(monitor.id(), window.start(), now).stream()
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

    private List<Span> gaps(Monitor monitor, Span range) {
        if (!monitor.kind().probed()) {
            return List.of();
        }
        return store.gaps(range.start(), range.end()).stream()
                .map(g -> Span.of(g.start(), g.end()))
                .toList();
    }

    private Measure measure(Monitor monitor) {
        if (monitor.calendarId() == null) {
            return Measure.ELAPSED;
        }
        BusinessCalendar calendar = calendars
                .find(new CalendarId(monitor.calendarId()))
                .map(stored -> BusinessCalendars.of(stored.definition()))
                .orElse(null);
        return calendar == null ? Measure.ELAPSED : calendar::between;
    }
}
