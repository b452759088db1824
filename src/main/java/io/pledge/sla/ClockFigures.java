package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.CalendarRangeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a replayed clock as of an instant, from its current cycle and the target in force last:
 * elapsed time, state, threshold crossings (crossed or projected), due and breach instants and pauses.
 */
final class ClockFigures {

    private final ThresholdAmounts amounts;
    private final TargetCalendars calendars;
    private final ClockExplanation explanation;

    ClockFigures(ThresholdAmounts amounts, TargetCalendars calendars, ClockExplanation explanation) {
        this.amounts = amounts;
        this.calendars = calendars;
        this.explanation = explanation;
    }

    /** The clock, or null when its priority has no target for its metric. */
    SlaClock of(ClockTrack track, Instant at) {
        ClockCycle cycle = track.current();
        TargetEpoch epoch = cycle.lastEpoch();
        if (epoch.target() == null) {
            return null;
        }
        BusinessCalendar calendar = calendars.calendarFor(epoch.target());
        Duration target = epoch.budget(calendar);
        Instant end = cycle.end();
        Instant limit = end != null ? end : at;
        Stopwatch stopwatch = Stopwatch.of(calendar, cycle, limit);
        Duration elapsed = stopwatch.total();
        boolean counting = cycle.isCounting() && !track.isCancelled();

        long[] portions = amounts.of(target);
        ThresholdCrossing[] thresholds = new ThresholdCrossing[portions.length];
        Instant breachedAt = null;
        Instant nextDueAt = null;
        Instant projectedDue = null;
        for (int r = 0; r < portions.length; r++) {
            Threshold threshold = amounts.threshold(r);
            Instant crossing = stopwatch.crossing(portions[r]);
            boolean breach = r == portions.length - 1;
            if (crossing != null && (end == null || crossing.isBefore(end))) {
                thresholds[r] = new ThresholdCrossing(threshold, crossing, true);
                if (breach) {
                    breachedAt = crossing;
                }
                continue;
            }
            Instant projected =
                    counting ? plus(calendar, at, Duration.ofNanos(portions[r]).minus(elapsed)) : null;
            thresholds[r] = new ThresholdCrossing(threshold, projected, false);
            if (projected != null && (nextDueAt == null || projected.isBefore(nextDueAt))) {
                nextDueAt = projected;
            }
            if (breach) {
                projectedDue = projected;
            }
        }

        ClockState state;
        Instant dueAt;
        if (track.isCancelled()) {
            state = ClockState.CANCELLED;
            dueAt = null;
        } else if (breachedAt != null) {
            state = ClockState.BREACHED;
            dueAt = breachedAt;
        } else if (end != null) {
            state = ClockState.MET;
            dueAt = plus(calendar, end, target.minus(elapsed));
        } else if (cycle.isPaused()) {
            state = ClockState.PAUSED;
            dueAt = null;
        } else {
            state = ClockState.RUNNING;
            dueAt = projectedDue;
        }

        return new SlaClock(
                track.metric(),
                state,
                epoch.priority(),
                target,
                elapsed,
                target.minus(elapsed),
                dueAt,
                breachedAt,
                end,
                pausedByStatus(calendar, cycle, limit),
                List.of(thresholds),
                counting ? nextDueAt : null,
                cycle.number(),
                new LazyList<>(() -> explanation.of(track, at)),
                epoch.target().businessDays());
    }

    private static Map<TicketStatus, Duration> pausedByStatus(
            BusinessCalendar calendar, ClockCycle cycle, Instant limit) {
        if (cycle.pauses().isEmpty()) {
            return Map.of();
        }
        Map<TicketStatus, Duration> paused = new EnumMap<>(TicketStatus.class);
        for (ClockCycle.Pause pause : cycle.pauses()) {
            Instant to = pause.to() == null || pause.to().isAfter(limit) ? limit : pause.to();
            paused.merge(pause.status(), calendar.between(pause.from(), to), Duration::plus);
        }
        return Collections.unmodifiableMap(paused);
    }

    /** {@code from} plus business time, or null when that lies beyond the calendar's range. */
    private static Instant plus(BusinessCalendar calendar, Instant from, Duration amount) {
        try {
            return calendar.add(from, amount);
        } catch (CalendarRangeException beyond) {
            return null;
        }
    }
}
