package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.sla.ClockEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explanation of a replayed clock: every note and every threshold crossing of every cycle, in order
 * of cycle, then instant, then (at the same instant) starts and resumes before crossings before pauses
 * and stops. Each line carries the elapsed business time counted against the target in force there.
 */
final class ClockExplanation {

    private final ThresholdAmounts amounts;
    private final TargetCalendars calendars;

    ClockExplanation(ThresholdAmounts amounts, TargetCalendars calendars) {
        this.amounts = amounts;
        this.calendars = calendars;
    }

    List<ClockEntry> of(ClockTrack track, Instant at) {
        List<Ordered> entries = new ArrayList<>();
        for (ClockCycle cycle : track.cycles()) {
            Instant limit = cycle.end() != null ? cycle.end() : at;
            Map<BusinessCalendar, Stopwatch> stopwatches = new HashMap<>(2);
            notes(cycle, limit, stopwatches, entries);
            crossings(cycle, limit, stopwatches, entries);
        }
        entries.sort(Comparator.comparingInt((Ordered o) -> o.entry().cycle())
                .thenComparing(o -> o.entry().at())
                .thenComparingInt(Ordered::order));
        return entries.stream().map(Ordered::entry).toList();
    }

    private void notes(
            ClockCycle cycle, Instant limit, Map<BusinessCalendar, Stopwatch> stopwatches, List<Ordered> entries) {
        for (ClockCycle.Note note : cycle.notes()) {
            TargetEpoch epoch = epochAt(cycle, note.at(), note.kind() == Kind.RETARGETED);
            Duration elapsed = epoch.target() == null
                    ? null
                    : stopwatch(stopwatches, epoch, cycle, limit).elapsedAt(note.at());
            int order = switch (note.kind()) {
                case PAUSED, STOPPED, CANCELLED -> 2;
                default -> 0;
            };
            entries.add(new Ordered(
                    new ClockEntry(note.kind(), note.at(), elapsed, cycle.number(), note.renderedDetail(), false),
                    order));
        }
    }

    /**
     * The crossings of each epoch's thresholds inside its window. A crossing before a retroactive epoch's
     * start is shown as revealed by the priority change; the same threshold at the same instant once.
     */
    private void crossings(
            ClockCycle cycle, Instant limit, Map<BusinessCalendar, Stopwatch> stopwatches, List<Ordered> entries) {
        List<TargetEpoch> epochs = cycle.epochs();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < epochs.size(); k++) {
            TargetEpoch epoch = epochs.get(k);
            if (epoch.target() == null) {
                continue;
            }
            boolean last = k + 1 == epochs.size();
            Instant windowEnd = last ? limit : epochs.get(k + 1).from();
            boolean closedWindow = !last || cycle.end() != null;
            Stopwatch stopwatch = stopwatch(stopwatches, epoch, cycle, limit);
            Duration budget = epoch.budget(calendars.calendarFor(epoch.target()));
            long[] portions = amounts.of(budget);
            for (int r = 0; r < portions.length; r++) {
                Instant crossing = stopwatch.crossing(portions[r]);
                if (crossing == null
                        || crossing.isAfter(windowEnd)
                        || (closedWindow && !crossing.isBefore(windowEnd))) {
                    continue;
                }
                boolean retroactive = crossing.isBefore(epoch.from());
                if ((retroactive && !epoch.retroactive()) || !seen.add(r + "@" + crossing)) {
                    continue;
                }
                boolean breach = r == portions.length - 1;
                String detail = amounts.threshold(r).describe(budget)
                        + " (" + epoch.priority() + ")"
                        + (retroactive ? ", revealed by the priority change at " + epoch.from() : "");
                entries.add(new Ordered(
                        new ClockEntry(
                                breach ? Kind.BREACHED : Kind.THRESHOLD,
                                crossing,
                                Duration.ofNanos(portions[r]),
                                cycle.number(),
                                detail,
                                retroactive),
                        1));
            }
        }
    }

    private Stopwatch stopwatch(
            Map<BusinessCalendar, Stopwatch> stopwatches, TargetEpoch epoch, ClockCycle cycle, Instant limit) {
        return stopwatches.computeIfAbsent(
                calendars.calendarFor(epoch.target()), calendar -> Stopwatch.of(calendar, cycle, limit));
    }

    /** The epoch in force at an instant; a retarget note belongs to the epoch it starts. */
    private static TargetEpoch epochAt(ClockCycle cycle, Instant t, boolean starting) {
        TargetEpoch found = cycle.epochs().get(0);
        for (TargetEpoch epoch : cycle.epochs()) {
            if (epoch.from().isBefore(t) || (starting && epoch.from().equals(t))) {
                found = epoch;
            }
        }
        return found;
    }

    /** An entry and its rank among entries of the same instant. */
    private record Ordered(ClockEntry entry, int order) {}
}
