package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.sla.ClockEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
    /** The policy's thresholds: its ratios, then its leads before due, then the breach. */
    private final List<Threshold> thresholds;
    /** Threshold amounts per target duration, in nanoseconds. */
    private final Map<Duration, long[]> portions;

    private static final Metric[] METRICS = Metric.values();
    /** The policy's pause statuses by metric, as EnumSets (membership is tested on every status change). */
    private final Map<Metric, Set<TicketStatus>> pauseStatuses = new EnumMap<>(Metric.class);
    /** The policy's targets by metric and priority. */
    private final Map<Metric, Map<Priority, Target>> targets = new EnumMap<>(Metric.class);

    public SlaEvaluator(SlaPolicy policy, TargetCalendars calendars) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        List<Threshold> all = new ArrayList<>();
        policy.thresholds().forEach(ratio -> all.add(Threshold.ratio(ratio)));
        policy.warnBefore().forEach(lead -> all.add(Threshold.beforeDue(lead)));
        all.add(Threshold.BREACH);
        this.thresholds = List.copyOf(all);
        Map<Duration, long[]> amounts = new HashMap<>();
        for (Target target : policy.targets()) {
            amounts.computeIfAbsent(target.duration(), this::computePortions);
        }
        this.portions = Map.copyOf(amounts);
        for (Metric metric : METRICS) {
            targets.put(metric, new HashMap<>());
            Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
            statuses.addAll(policy.pauseStatuses().get(metric));
            pauseStatuses.put(metric, statuses);
        }
        for (Target target : policy.targets()) {
            targets.get(target.metric()).put(target.priority(), target);
        }
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
                for (Metric metric : METRICS) {
                    Track track = new Track(metric, pauseStatuses.get(metric));
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
                track.current().note(Kind.RETARGETED, t, epoch);
            }
        }

        private Epoch epoch(Instant t, Metric metric, boolean retroactive) {
            return new Epoch(t, priority, targets.get(metric).get(priority), retroactive);
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
            cycle.note(kind, t, epoch);
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

    /** A note's detail: an {@link Epoch}, a {@link TicketStatus} or a reason; rendered when read. */
    private record Note(Kind kind, Instant at, Object detail) {}

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

        void note(Kind kind, Instant at, Object detail) {
            notes.add(new Note(kind, at, detail));
        }

        void begin(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
            if (pauseStatuses.contains(status)) {
                pauses.add(new Pause(status, t, null));
                note(Kind.PAUSED, t, status);
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
                    note(Kind.PAUSED, t, status);
                } else {
                    segments.add(new Instant[] {t, null});
                    note(Kind.RESUMED, t, status);
                }
            } else if (pause) {
                closeSegment(t);
                pauses.add(new Pause(status, t, null));
                note(Kind.PAUSED, t, status);
            }
        }

        void resume(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
            end = null;
            endKind = null;
            note(Kind.REOPENED, t, status);
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
                Instant[] open = segments.get(segments.size() - 1);
                if (open[0].equals(t)) {
                    // Paused or stopped at the instant it began (that event comes first): it never counted.
                    segments.remove(segments.size() - 1);
                } else {
                    open[1] = t;
                }
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
        Stopwatch stopwatch = new Stopwatch(calendar, cycle.segments, limit);
        Duration elapsed = stopwatch.total();
        boolean counting = cycle.isCounting() && !track.cancelled;

        long[] amounts = portions(target);
        ThresholdCrossing[] thresholds = new ThresholdCrossing[amounts.length];
        Instant breachedAt = null;
        Instant nextDueAt = null;
        Instant projectedDue = null;
        for (int r = 0; r < amounts.length; r++) {
            Threshold threshold = this.thresholds.get(r);
            Instant crossing = stopwatch.crossing(amounts[r]);
            boolean breach = r == amounts.length - 1;
            if (crossing != null && (cycle.end == null || crossing.isBefore(cycle.end))) {
                thresholds[r] = new ThresholdCrossing(threshold, crossing, true);
                if (breach) {
                    breachedAt = crossing;
                }
                continue;
            }
            Instant projected =
                    counting ? plus(calendar, at, Duration.ofNanos(amounts[r]).minus(elapsed)) : null;
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
                List.of(thresholds),
                counting ? nextDueAt : null,
                cycle.number,
                new LazyList<>(() -> timeline(track, at)));
    }

    private static Map<TicketStatus, Duration> pausedByStatus(BusinessCalendar calendar, Cycle cycle, Instant limit) {
        if (cycle.pauses.isEmpty()) {
            return Map.of();
        }
        Map<TicketStatus, Duration> paused = new EnumMap<>(TicketStatus.class);
        for (Pause pause : cycle.pauses) {
            Instant to = pause.to() == null || pause.to().isAfter(limit) ? limit : pause.to();
            paused.merge(pause.status(), calendar.between(pause.from(), to), Duration::plus);
        }
        return Collections.unmodifiableMap(paused);
    }

    /** The threshold amounts of a target in nanoseconds, breach last; computed once per target. */
    private long[] portions(Duration target) {
        long[] cached = portions.get(target);
        return cached != null ? cached : computePortions(target);
    }

    private long[] computePortions(Duration target) {
        long[] amounts = new long[thresholds.size()];
        for (int r = 0; r < amounts.length; r++) {
            amounts[r] = thresholds.get(r).elapsedAt(target).toNanos();
        }
        return amounts;
    }

    /** The explanation of a track: every note and every threshold crossing of every cycle, in order. */
    private List<ClockEntry> timeline(Track track, Instant at) {
        List<Ordered> entries = new ArrayList<>();
        for (Cycle cycle : track.cycles) {
            Instant limit = cycle.end != null ? cycle.end : at;
            Map<BusinessCalendar, Stopwatch> stopwatches = new HashMap<>(2);
            for (Note note : cycle.notes) {
                Epoch epoch = epochAt(cycle, note.at(), note.kind() == Kind.RETARGETED);
                Duration elapsed = epoch.target() == null
                        ? null
                        : stopwatch(stopwatches, epoch, cycle, limit).elapsedAt(note.at());
                int order = switch (note.kind()) {
                    case PAUSED, STOPPED, CANCELLED -> 2;
                    default -> 0;
                };
                entries.add(new Ordered(
                        new ClockEntry(note.kind(), note.at(), elapsed, cycle.number, render(note.detail()), false),
                        order));
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < cycle.epochs.size(); k++) {
                Epoch epoch = cycle.epochs.get(k);
                if (epoch.target() == null) {
                    continue;
                }
                boolean last = k + 1 == cycle.epochs.size();
                Instant windowEnd = last ? limit : cycle.epochs.get(k + 1).from();
                boolean closedWindow = !last || cycle.end != null;
                Stopwatch stopwatch = stopwatch(stopwatches, epoch, cycle, limit);
                long[] amounts = portions(epoch.target().duration());
                for (int r = 0; r < amounts.length; r++) {
                    Instant crossing = stopwatch.crossing(amounts[r]);
                    if (crossing == null
                            || crossing.isAfter(windowEnd)
                            || (closedWindow && !crossing.isBefore(windowEnd))) {
                        continue;
                    }
                    boolean retroactive = crossing.isBefore(epoch.from());
                    if ((retroactive && !epoch.retroactive()) || !seen.add(r + "@" + crossing)) {
                        continue;
                    }
                    boolean breach = r == amounts.length - 1;
                    String detail = thresholds.get(r).describe(epoch.target().duration())
                            + " (" + epoch.priority() + ")"
                            + (retroactive ? ", revealed by the priority change at " + epoch.from() : "");
                    entries.add(new Ordered(
                            new ClockEntry(
                                    breach ? Kind.BREACHED : Kind.THRESHOLD,
                                    crossing,
                                    Duration.ofNanos(amounts[r]),
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

    private Stopwatch stopwatch(Map<BusinessCalendar, Stopwatch> stopwatches, Epoch epoch, Cycle cycle, Instant limit) {
        return stopwatches.computeIfAbsent(
                calendars.calendarFor(epoch.target()), calendar -> new Stopwatch(calendar, cycle.segments, limit));
    }

    private static String render(Object detail) {
        return detail instanceof Epoch epoch ? describe(epoch) : String.valueOf(detail);
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

    /**
     * The business time a cycle's counting segments hold up to a limit, in one calendar: each segment
     * measured once, so elapsed time at a segment boundary and threshold crossings cost no search.
     */
    static final class Stopwatch {

        private final BusinessCalendar calendar;
        private final Instant[] starts;
        private final Instant[] ends;
        /** Business nanoseconds counted before each segment; the last element is the total. */
        private final long[] before;

        Stopwatch(BusinessCalendar calendar, List<Instant[]> segments, Instant limit) {
            this.calendar = calendar;
            int count = 0;
            while (count < segments.size() && segments.get(count)[0].isBefore(limit)) {
                count++;
            }
            starts = new Instant[count];
            ends = new Instant[count];
            before = new long[count + 1];
            for (int i = 0; i < count; i++) {
                Instant[] segment = segments.get(i);
                starts[i] = segment[0];
                ends[i] = segment[1] == null || segment[1].isAfter(limit) ? limit : segment[1];
                before[i + 1] = before[i] + calendar.between(starts[i], ends[i]).toNanos();
            }
        }

        Duration total() {
            return Duration.ofNanos(before[starts.length]);
        }

        /** Business time counted before {@code t}. */
        Duration elapsedAt(Instant t) {
            long counted = 0;
            for (int i = 0; i < starts.length && starts[i].isBefore(t); i++) {
                counted = !t.isBefore(ends[i])
                        ? before[i + 1]
                        : before[i] + calendar.between(starts[i], t).toNanos();
            }
            return Duration.ofNanos(counted);
        }

        /** The first instant at which {@code amount} nanoseconds were counted, or null if not by the limit. */
        Instant crossing(long amount) {
            for (int i = 0; i < starts.length; i++) {
                if (before[i + 1] >= amount) {
                    return calendar.add(starts[i], Duration.ofNanos(amount - before[i]));
                }
            }
            return null;
        }
    }

    private static Instant plus(BusinessCalendar calendar, Instant from, Duration amount) {
        try {
            return calendar.add(from, amount);
        } catch (CalendarRangeException beyond) {
            return null;
        }
    }

    /** A list computed on first read: most evaluations (scheduling, storage) never read the explanation. */
    private static final class LazyList<T> extends java.util.AbstractList<T> {

        private final java.util.function.Supplier<List<T>> supplier;
        private volatile List<T> value;

        LazyList(java.util.function.Supplier<List<T>> supplier) {
            this.supplier = supplier;
        }

        private List<T> value() {
            List<T> computed = value;
            if (computed == null) {
                synchronized (this) {
                    computed = value;
                    if (computed == null) {
                        computed = supplier.get();
                        value = computed;
                    }
                }
            }
            return computed;
        }

        @Override
        public T get(int index) {
            return value().get(index);
        }

        @Override
        public int size() {
            return value().size();
        }
    }
}
