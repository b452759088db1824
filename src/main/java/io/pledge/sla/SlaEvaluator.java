package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.sla.ClockEntry.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes a ticket's SLA clocks from its whole timeline, as of an evaluation instant, under one policy
 * (PRODUCT.md, "SLA clock semantics", rules 3 to 10):
 *
 * <ul>
 *   <li>Both clocks start at creation with the targets of the creation priority. First response stops at
 *       the first public reply by an agent, or at resolution; resolution stops at resolution (or closing).
 *   <li>In a pause status of the metric the clock does not count; the pause is kept by status.
 *   <li>Reopening resumes the resolution clock with its elapsed time ({@code RESUME}) or starts a new
 *       cycle ({@code NEW_CYCLE}); a stopped first-response clock stays stopped.
 *   <li>A priority change applies the new priority's target: {@code RETROACTIVE} counts the cycle's
 *       elapsed time against it (so a breach can date from before the change), {@code RESTART} starts a
 *       new cycle at the change.
 *   <li>A threshold (a fraction of the target, the breach at 1) is crossed at the first instant elapsed
 *       time reaches it. An event at that same instant comes first: a clock stopped exactly at its
 *       target is met.
 *   <li>Cancelling the ticket cancels its clocks; later events change nothing.
 * </ul>
 *
 * Events after the evaluation instant are ignored. Instances are immutable and thread-safe.
 */
public final class SlaEvaluator {

    private final SlaPolicy policy;
    private final TargetCalendars calendars;
    private final List<BigDecimal> ratios;

    public SlaEvaluator(SlaPolicy policy, TargetCalendars calendars) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        List<BigDecimal> all = new ArrayList<>(policy.thresholds());
        all.add(BigDecimal.ONE);
        this.ratios = List.copyOf(all);
    }

    /**
     * The ticket's clocks as of {@code at}: one per metric whose current priority has a target.
     *
     * @throws IllegalArgumentException when {@code at} is before the ticket's creation
     */
    public List<SlaClock> evaluate(TicketTimeline timeline, Instant at) {
        if (at.isBefore(timeline.createdAt())) {
            throw new IllegalArgumentException("the evaluation instant is before the ticket's creation");
        }
        Simulation simulation = new Simulation();
        for (TicketEvent event : timeline.events()) {
            if (event.at().isAfter(at)) {
                break;
            }
            simulation.apply(event);
        }
        List<SlaClock> clocks = new ArrayList<>(2);
        for (Track track : simulation.tracks.values()) {
            SlaClock clock = clockOf(track, at);
            if (clock != null) {
                clocks.add(clock);
            }
        }
        return clocks;
    }

    // ---------------------------------------------------------------- replaying the timeline

    /** Replays events over one track (clock history) per metric. */
    private final class Simulation {

        private final Map<Metric, Track> tracks = new EnumMap<>(Metric.class);
        private Priority priority;
        private TicketStatus status = TicketStatus.NEW;
        private boolean cancelled;

        void apply(TicketEvent event) {
            if (cancelled) {
                return;
            }
            Instant t = event.at();
            if (event instanceof TicketEvent.Created created) {
                priority = created.priority();
                for (Metric metric : Metric.values()) {
                    Track track = new Track(metric, policy.pauseStatuses().get(metric));
                    track.startCycle(t, epoch(t, metric, false), Kind.STARTED, status);
                    tracks.put(metric, track);
                }
            } else if (event instanceof TicketEvent.StatusChanged change) {
                changeStatus(t, change.status());
            } else if (event instanceof TicketEvent.Replied reply) {
                if (reply.isFirstResponse()) {
                    stop(tracks.get(Metric.FIRST_RESPONSE), t, "first public reply");
                }
            } else if (event instanceof TicketEvent.PriorityChanged change) {
                changePriority(t, change.priority());
            } else if (event instanceof TicketEvent.Resolved) {
                resolve(t);
            } else if (event instanceof TicketEvent.Closed) {
                close(t);
            } else if (event instanceof TicketEvent.Reopened) {
                reopen(t, TicketStatus.OPEN);
            } else if (event instanceof TicketEvent.Cancelled) {
                cancelled = true;
                for (Track track : tracks.values()) {
                    track.cancel(t);
                }
            }
            // An internal note (TicketEvent.Note) never counts as a response.
        }

        private void changeStatus(Instant t, TicketStatus next) {
            if (next == TicketStatus.RESOLVED) {
                resolve(t);
            } else if (next == TicketStatus.CLOSED) {
                close(t);
            } else if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
                reopen(t, next);
            } else {
                status = next;
                for (Track track : tracks.values()) {
                    track.current().enterStatus(t, next, track.pauseStatuses);
                }
            }
        }

        private void resolve(Instant t) {
            if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
                return;
            }
            status = TicketStatus.RESOLVED;
            stop(tracks.get(Metric.FIRST_RESPONSE), t, "resolved without a public reply");
            stop(tracks.get(Metric.RESOLUTION), t, "resolved");
        }

        private void close(Instant t) {
            if (status == TicketStatus.CLOSED) {
                return;
            }
            boolean wasResolved = status == TicketStatus.RESOLVED;
            status = TicketStatus.CLOSED;
            if (!wasResolved) {
                stop(tracks.get(Metric.FIRST_RESPONSE), t, "closed without a public reply");
                stop(tracks.get(Metric.RESOLUTION), t, "closed");
            }
        }

        private void stop(Track track, Instant t, String reason) {
            if (track.current().isActive()) {
                track.current().finish(t, Kind.STOPPED, reason);
            }
        }

        private void reopen(Instant t, TicketStatus next) {
            if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
                return;
            }
            status = next;
            Track resolution = tracks.get(Metric.RESOLUTION);
            if (policy.reopenRule() == ReopenRule.NEW_CYCLE) {
                resolution.startCycle(t, epoch(t, Metric.RESOLUTION, false), Kind.REOPENED, status);
                return;
            }
            Cycle cycle = resolution.current();
            cycle.resume(t, status, resolution.pauseStatuses);
            if (!cycle.lastEpoch().priority().equals(priority)) {
                retarget(resolution, t);
            }
        }

        private void changePriority(Instant t, Priority next) {
            if (next.equals(priority)) {
                return;
            }
            priority = next;
            for (Track track : tracks.values()) {
                if (track.current().isActive()) {
                    retarget(track, t);
                }
            }
        }

        private void retarget(Track track, Instant t) {
            if (policy.priorityChangeRule() == PriorityChangeRule.RESTART) {
                track.current().finish(t, Kind.RESTARTED, "priority changed to " + priority);
                track.startCycle(t, epoch(t, track.metric, false), Kind.RESTARTED, status);
            } else {
                Epoch epoch = epoch(t, track.metric, true);
                track.current().epochs.add(epoch);
                track.current().note(Kind.RETARGETED, t, describe(epoch));
            }
        }

        private Epoch epoch(Instant t, Metric metric, boolean retroactive) {
            return new Epoch(t, priority, policy.target(priority, metric).orElse(null), retroactive);
        }
    }

    private static String describe(Epoch epoch) {
        return epoch.priority() + ", target "
                + (epoch.target() == null ? "none" : epoch.target().duration());
    }

    /** The history of one metric's clock: its cycles. */
    private static final class Track {

        final Metric metric;
        final Set<TicketStatus> pauseStatuses;
        final List<Cycle> cycles = new ArrayList<>(2);
        boolean cancelled;

        Track(Metric metric, Set<TicketStatus> pauseStatuses) {
            this.metric = metric;
            this.pauseStatuses = pauseStatuses;
        }

        Cycle current() {
            return cycles.get(cycles.size() - 1);
        }

        void startCycle(Instant t, Epoch epoch, Kind kind, TicketStatus status) {
            Cycle cycle = new Cycle(cycles.size() + 1);
            cycle.epochs.add(epoch);
            cycle.note(kind, t, describe(epoch));
            cycles.add(cycle);
            cycle.begin(t, status, pauseStatuses);
        }

        void cancel(Instant t) {
            cancelled = true;
            if (current().isActive()) {
                current().finish(t, Kind.CANCELLED, "ticket cancelled");
            }
        }
    }

    /** The part of a target's validity inside a cycle, from a start or a priority change. */
    private record Epoch(Instant from, Priority priority, Target target, boolean retroactive) {}

    private record Pause(TicketStatus status, Instant from, Instant to) {}

    private record Note(Kind kind, Instant at, String detail) {}

    /** One clock cycle: counting segments, pauses, notes, and how it ended. */
    private static final class Cycle {

        final int number;
        final List<Epoch> epochs = new ArrayList<>(2);
        /** Counting segments {@code [start, end)}; the last may be open (end null). */
        final List<Instant[]> segments = new ArrayList<>(4);

        final List<Pause> pauses = new ArrayList<>(2);
        final List<Note> notes = new ArrayList<>(6);
        Instant end;
        Kind endKind;

        Cycle(int number) {
            this.number = number;
        }

        Epoch lastEpoch() {
            return epochs.get(epochs.size() - 1);
        }

        boolean isActive() {
            return end == null;
        }

        boolean isCounting() {
            return end == null && !segments.isEmpty() && segments.get(segments.size() - 1)[1] == null;
        }

        boolean isPaused() {
            return end == null
                    && !pauses.isEmpty()
                    && pauses.get(pauses.size() - 1).to() == null;
        }

        void note(Kind kind, Instant at, String detail) {
            notes.add(new Note(kind, at, detail));
        }

        void begin(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
            if (pauseStatuses.contains(status)) {
                pauses.add(new Pause(status, t, null));
                note(Kind.PAUSED, t, status.name());
            } else {
                segments.add(new Instant[] {t, null});
            }
        }

        void enterStatus(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
            if (!isActive()) {
                return;
            }
            boolean pause = pauseStatuses.contains(status);
            if (isPaused()) {
                Pause current = pauses.get(pauses.size() - 1);
                if (current.status() == status) {
                    return;
                }
                closePause(t);
                if (pause) {
                    pauses.add(new Pause(status, t, null));
                    note(Kind.PAUSED, t, status.name());
                } else {
                    segments.add(new Instant[] {t, null});
                    note(Kind.RESUMED, t, status.name());
                }
            } else if (pause) {
                closeSegment(t);
                pauses.add(new Pause(status, t, null));
                note(Kind.PAUSED, t, status.name());
            }
        }

        void resume(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
            end = null;
            endKind = null;
            note(Kind.REOPENED, t, status.name());
            begin(t, status, pauseStatuses);
        }

        void finish(Instant t, Kind kind, String reason) {
            closeSegment(t);
            closePause(t);
            end = t;
            endKind = kind;
            note(kind, t, reason);
        }

        private void closeSegment(Instant t) {
            if (!segments.isEmpty() && segments.get(segments.size() - 1)[1] == null) {
                segments.get(segments.size() - 1)[1] = t;
            }
        }

        private void closePause(Instant t) {
            if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null) {
                Pause open = pauses.remove(pauses.size() - 1);
                pauses.add(new Pause(open.status(), open.from(), t));
            }
        }
    }

    // ---------------------------------------------------------------- computing the figures

    private SlaClock clockOf(Track track, Instant at) {
        Cycle cycle = track.current();
        Epoch epoch = cycle.lastEpoch();
        if (epoch.target() == null) {
            return null;
        }
        Duration target = epoch.target().duration();
        BusinessCalendar calendar = calendars.calendarFor(epoch.target());
        Instant limit = cycle.end != null ? cycle.end : at;
        Duration elapsed = elapsed(calendar, cycle.segments, limit);
        boolean counting = cycle.isCounting() && !track.cancelled;

        List<ThresholdCrossing> thresholds = new ArrayList<>(ratios.size());
        Instant breachedAt = null;
        Instant nextDueAt = null;
        Instant projectedDue = null;
        for (BigDecimal ratio : ratios) {
            Duration amount = portion(target, ratio);
            Instant crossing = crossing(calendar, cycle.segments, limit, amount);
            boolean crossed = crossing != null && (cycle.end == null || crossing.isBefore(cycle.end));
            if (crossed) {
                thresholds.add(new ThresholdCrossing(ratio, crossing, true));
                if (ratio.compareTo(BigDecimal.ONE) == 0) {
                    breachedAt = crossing;
                }
                continue;
            }
            Instant projected = counting ? plus(calendar, at, amount.minus(elapsed)) : null;
            thresholds.add(new ThresholdCrossing(ratio, projected, false));
            if (projected != null && (nextDueAt == null || projected.isBefore(nextDueAt))) {
                nextDueAt = projected;
            }
            if (ratio.compareTo(BigDecimal.ONE) == 0) {
                projectedDue = projected;
            }
        }

        ClockState state;
        Instant dueAt;
        if (track.cancelled) {
            state = ClockState.CANCELLED;
            dueAt = null;
        } else if (breachedAt != null) {
            state = ClockState.BREACHED;
            dueAt = breachedAt;
        } else if (cycle.end != null) {
            state = ClockState.MET;
            dueAt = plus(calendar, cycle.end, target.minus(elapsed));
        } else if (cycle.isPaused()) {
            state = ClockState.PAUSED;
            dueAt = null;
        } else {
            state = ClockState.RUNNING;
            dueAt = projectedDue;
        }

        return new SlaClock(
                track.metric,
                state,
                epoch.priority(),
                target,
                elapsed,
                target.minus(elapsed),
                dueAt,
                breachedAt,
                cycle.end,
                pausedByStatus(calendar, cycle, limit),
                List.copyOf(thresholds),
                counting ? nextDueAt : null,
                cycle.number,
                timeline(track, at));
    }

    private static Map<TicketStatus, Duration> pausedByStatus(BusinessCalendar calendar, Cycle cycle, Instant limit) {
        Map<TicketStatus, Duration> paused = new LinkedHashMap<>();
        for (Pause pause : cycle.pauses) {
            Instant to = pause.to() == null || pause.to().isAfter(limit) ? limit : pause.to();
            paused.merge(pause.status(), calendar.between(pause.from(), to), Duration::plus);
        }
        return paused;
    }

    /** The explanation of a track: every note and every threshold crossing of every cycle, in order. */
    private List<ClockEntry> timeline(Track track, Instant at) {
        List<Ordered> entries = new ArrayList<>();
        for (Cycle cycle : track.cycles) {
            Instant limit = cycle.end != null ? cycle.end : at;
            for (Note note : cycle.notes) {
                Epoch epoch = epochAt(cycle, note.at(), note.kind() == Kind.RETARGETED);
                Duration elapsed = epoch.target() == null
                        ? null
                        : elapsed(calendars.calendarFor(epoch.target()), cycle.segments, note.at());
                int order = switch (note.kind()) {
                    case PAUSED, STOPPED, CANCELLED -> 2;
                    default -> 0;
                };
                entries.add(new Ordered(
                        new ClockEntry(note.kind(), note.at(), elapsed, cycle.number, note.detail(), false), order));
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < cycle.epochs.size(); k++) {
                Epoch epoch = cycle.epochs.get(k);
                if (epoch.target() == null) {
                    continue;
                }
                BusinessCalendar calendar = calendars.calendarFor(epoch.target());
                Instant windowEnd =
                        k + 1 < cycle.epochs.size() ? cycle.epochs.get(k + 1).from() : limit;
                boolean closedWindow = k + 1 < cycle.epochs.size() || cycle.end != null;
                for (BigDecimal ratio : ratios) {
                    Duration amount = portion(epoch.target().duration(), ratio);
                    Instant crossing = crossing(calendar, cycle.segments, windowEnd, amount);
                    if (crossing == null || (closedWindow && !crossing.isBefore(windowEnd))) {
                        continue;
                    }
                    boolean retroactive = crossing.isBefore(epoch.from());
                    if (retroactive && !epoch.retroactive()) {
                        continue;
                    }
                    if (!seen.add(ratio.toPlainString() + "@" + crossing)) {
                        continue;
                    }
                    boolean breach = ratio.compareTo(BigDecimal.ONE) == 0;
                    String detail = (breach ? "target " : ratio.toPlainString() + " of ")
                            + epoch.target().duration() + " (" + epoch.priority() + ")"
                            + (retroactive ? ", revealed by the priority change at " + epoch.from() : "");
                    entries.add(new Ordered(
                            new ClockEntry(
                                    breach ? Kind.BREACHED : Kind.THRESHOLD,
                                    crossing,
                                    amount,
                                    cycle.number,
                                    detail,
                                    retroactive),
                            1));
                }
            }
        }
        entries.sort(Comparator.comparingInt((Ordered o) -> o.entry().cycle())
                .thenComparing(o -> o.entry().at())
                .thenComparingInt(Ordered::order));
        return entries.stream().map(Ordered::entry).toList();
    }

    private record Ordered(ClockEntry entry, int order) {}

    /** The epoch in force at an instant; a retarget note belongs to the epoch it starts. */
    private static Epoch epochAt(Cycle cycle, Instant t, boolean starting) {
        Epoch found = cycle.epochs.get(0);
        for (Epoch epoch : cycle.epochs) {
            if (epoch.from().isBefore(t) || (starting && epoch.from().equals(t))) {
                found = epoch;
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- business-time helpers

    /** Business time counted in the segments before {@code limit}. */
    static Duration elapsed(BusinessCalendar calendar, List<Instant[]> segments, Instant limit) {
        Duration total = Duration.ZERO;
        for (Instant[] segment : segments) {
            if (!segment[0].isBefore(limit)) {
                break;
            }
            Instant end = segment[1] == null || segment[1].isAfter(limit) ? limit : segment[1];
            total = total.plus(calendar.between(segment[0], end));
        }
        return total;
    }

    /** The first instant, not after {@code limit}, at which the segments have counted {@code amount}. */
    static Instant crossing(BusinessCalendar calendar, List<Instant[]> segments, Instant limit, Duration amount) {
        Duration counted = Duration.ZERO;
        for (Instant[] segment : segments) {
            if (!segment[0].isBefore(limit)) {
                break;
            }
            Instant end = segment[1] == null || segment[1].isAfter(limit) ? limit : segment[1];
            Duration inSegment = calendar.between(segment[0], end);
            if (counted.plus(inSegment).compareTo(amount) >= 0) {
                return calendar.add(segment[0], amount.minus(counted));
            }
            counted = counted.plus(inSegment);
        }
        return null;
    }

    /** {@code ratio} of a duration, to the nanosecond (rounded down). */
    static Duration portion(Duration target, BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) == 0) {
            return target;
        }
        return Duration.ofNanos(BigDecimal.valueOf(target.toNanos())
                .multiply(ratio)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact());
    }

    private static Instant plus(BusinessCalendar calendar, Instant from, Duration amount) {
        try {
            return calendar.add(from, amount);
        } catch (CalendarRangeException beyond) {
            return null;
        }
    }
}
