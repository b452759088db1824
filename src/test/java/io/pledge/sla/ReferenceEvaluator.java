package io.pledge.sla;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.calendar.ReferenceCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The slow, obviously correct SLA clock arithmetic {@link SlaEvaluator} is checked against. It shares
 * nothing with the engine but the public value types: it replays the timeline event by event, records
 * for every stretch between two events what each clock was doing (counting, paused in a status, or
 * stopped), and only then counts business time, stretch by stretch and opening by opening, from the
 * calendar's definition (weekly hours, holidays, overrides), the way {@code ReferenceCalendar} does.
 * Every figure is decided from the rules of PRODUCT.md ("SLA clock semantics") and ADR 0006 as they
 * read, with no precomputed segments, caches of elapsed time or calendar arithmetic of the engine's.
 */
final class ReferenceEvaluator {

    /** Every figure of a clock but its explaining timeline, in a form two evaluators can be compared by. */
    record Figures(
            Metric metric,
            ClockState state,
            Priority priority,
            Duration target,
            Duration elapsed,
            Duration remaining,
            Instant dueAt,
            Instant breachedAt,
            Instant stoppedAt,
            Map<TicketStatus, Duration> paused,
            List<ThresholdCrossing> thresholds,
            Instant nextDueAt,
            int cycle) {

        /** The engine's clock, paused time of no business length left out (a pause on a closed day). */
        static Figures of(SlaClock clock) {
            return new Figures(
                    clock.metric(),
                    clock.state(),
                    clock.priority(),
                    clock.target(),
                    clock.elapsed(),
                    clock.remaining(),
                    clock.dueAt(),
                    clock.breachedAt(),
                    clock.stoppedAt(),
                    withoutZeros(clock.paused()),
                    clock.thresholds(),
                    clock.nextDueAt(),
                    clock.cycle());
        }
    }

    private final SlaPolicy policy;
    private final TargetCalendars calendars;

    ReferenceEvaluator(SlaPolicy policy, TargetCalendars calendars) {
        this.policy = policy;
        this.calendars = calendars;
    }

    /** The figures of every clock whose current priority has a target, as of {@code at}, by metric. */
    Map<Metric, Figures> evaluate(TicketTimeline timeline, Instant at) {
        List<TicketEvent> seen = timeline.events().stream()
                .filter(event -> !event.at().isAfter(at))
                .toList();
        Ticket ticket = new Ticket();
        for (int i = 0; i < seen.size(); i++) {
            ticket.apply(seen.get(i));
            Instant next = i + 1 < seen.size() ? seen.get(i + 1).at() : at;
            ticket.live(seen.get(i).at(), next);
        }
        Map<Metric, Figures> figures = new EnumMap<>(Metric.class);
        for (Clock clock : ticket.clocks.values()) {
            Optional<Target> target = policy.target(clock.priority, clock.metric);
            target.ifPresent(t -> figures.put(clock.metric, figures(ticket, clock, t, at)));
        }
        return figures;
    }

    // ---------------------------------------------------------------- what happened, event by event

    /** What one clock did during a stretch of time between two events: counted, or sat in a pause status. */
    private record Stretch(Instant from, Instant to, TicketStatus pausedIn) {

        boolean counts() {
            return pausedIn == null;
        }
    }

    /** One metric's clock: its current cycle, the priority it is measured against, and what it did. */
    private static final class Clock {

        final Metric metric;
        int cycle = 1;
        Priority priority;
        Instant stoppedAt;
        boolean cancelled;
        final List<Stretch> stretches = new ArrayList<>();

        Clock(Metric metric, Priority priority) {
            this.metric = metric;
            this.priority = priority;
        }

        boolean active() {
            return stoppedAt == null && !cancelled;
        }

        void newCycle(Priority priority) {
            cycle++;
            this.priority = priority;
            stoppedAt = null;
            stretches.clear();
        }
    }

    private final class Ticket {

        Priority priority;
        TicketStatus status = TicketStatus.NEW;
        boolean cancelled;
        final Map<Metric, Clock> clocks = new EnumMap<>(Metric.class);

        void apply(TicketEvent event) {
            if (cancelled) {
                return; // a cancelled ticket's clocks never change again
            }
            Instant t = event.at();
            if (event instanceof TicketEvent.Created created) {
                priority = created.priority();
                for (Metric metric : Metric.values()) {
                    clocks.put(metric, new Clock(metric, priority));
                }
            } else if (event instanceof TicketEvent.StatusChanged change) {
                if (change.status() == TicketStatus.RESOLVED) {
                    resolve(t);
                } else if (change.status() == TicketStatus.CLOSED) {
                    close(t);
                } else if (isDone()) {
                    reopen(t, change.status());
                } else {
                    status = change.status();
                }
            } else if (event instanceof TicketEvent.Replied reply) {
                if (reply.author() == TicketEvent.Author.AGENT && reply.isPublic()) {
                    stop(clocks.get(Metric.FIRST_RESPONSE), t);
                }
            } else if (event instanceof TicketEvent.PriorityChanged change) {
                if (!change.priority().equals(priority)) {
                    priority = change.priority();
                    for (Clock clock : clocks.values()) {
                        if (clock.active()) {
                            applyPriority(clock);
                        }
                    }
                }
            } else if (event instanceof TicketEvent.Resolved) {
                resolve(t);
            } else if (event instanceof TicketEvent.Closed) {
                close(t);
            } else if (event instanceof TicketEvent.Reopened) {
                if (isDone()) {
                    reopen(t, TicketStatus.OPEN);
                }
            } else if (event instanceof TicketEvent.Cancelled) {
                cancelled = true;
                for (Clock clock : clocks.values()) {
                    stop(clock, t);
                    clock.cancelled = true;
                }
            }
            // An internal note is never a response: it changes nothing.
        }

        /** The ticket lived unchanged from {@code from} to {@code to}: each running clock counted or paused. */
        void live(Instant from, Instant to) {
            if (!from.isBefore(to)) {
                return;
            }
            for (Clock clock : clocks.values()) {
                if (clock.active()) {
                    boolean pauses = policy.pauseStatuses().get(clock.metric).contains(status);
                    clock.stretches.add(new Stretch(from, to, pauses ? status : null));
                }
            }
        }

        boolean isDone() {
            return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
        }

        void resolve(Instant t) {
            if (isDone()) {
                return;
            }
            status = TicketStatus.RESOLVED;
            stop(clocks.get(Metric.FIRST_RESPONSE), t);
            stop(clocks.get(Metric.RESOLUTION), t);
        }

        void close(Instant t) {
            if (status == TicketStatus.CLOSED) {
                return;
            }
            if (status != TicketStatus.RESOLVED) {
                stop(clocks.get(Metric.FIRST_RESPONSE), t);
                stop(clocks.get(Metric.RESOLUTION), t);
            }
            status = TicketStatus.CLOSED;
        }

        void reopen(Instant t, TicketStatus next) {
            status = next;
            Clock resolution = clocks.get(Metric.RESOLUTION);
            if (policy.reopenRule() == ReopenRule.NEW_CYCLE) {
                resolution.newCycle(priority);
            } else {
                resolution.stoppedAt = null;
                if (!resolution.priority.equals(priority)) {
                    applyPriority(resolution); // a change while resolved applies as the clock resumes
                }
            }
            // A first-response clock, once stopped, stays stopped.
        }

        void applyPriority(Clock clock) {
            if (policy.priorityChangeRule() == PriorityChangeRule.RESTART) {
                clock.newCycle(priority);
            } else {
                clock.priority = priority; // the whole cycle counts against the new target
            }
        }

        void stop(Clock clock, Instant t) {
            if (clock.active()) {
                clock.stoppedAt = t;
            }
        }
    }

    // ---------------------------------------------------------------- the figures

    private Figures figures(Ticket ticket, Clock clock, Target target, Instant at) {
        BusinessHours hours = new BusinessHours(calendars.calendarFor(target).definition());
        Duration goal = target.duration();
        List<Stretch> counting =
                clock.stretches.stream().filter(Stretch::counts).toList();
        Duration elapsed = Duration.ZERO;
        Map<TicketStatus, Duration> paused = new EnumMap<>(TicketStatus.class);
        for (Stretch stretch : clock.stretches) {
            Duration time = hours.between(stretch.from(), stretch.to());
            if (stretch.counts()) {
                elapsed = elapsed.plus(time);
            } else {
                paused.merge(stretch.pausedIn(), time, Duration::plus);
            }
        }
        boolean running =
                clock.active() && !policy.pauseStatuses().get(clock.metric).contains(ticket.status);

        List<ThresholdCrossing> thresholds = new ArrayList<>();
        Instant breachedAt = null;
        Instant projectedDue = null;
        Instant nextDueAt = null;
        for (Threshold threshold : thresholdsOf(policy)) {
            Duration amount = amount(threshold, goal);
            Instant reached = hours.reached(counting, amount);
            // An event at the instant a threshold is reached comes first: a stop at that instant is in time.
            boolean crossed = reached != null && (clock.stoppedAt == null || reached.isBefore(clock.stoppedAt));
            if (crossed) {
                thresholds.add(new ThresholdCrossing(threshold, reached, true));
                if (threshold.isBreach()) {
                    breachedAt = reached;
                }
                continue;
            }
            Instant projected = running ? hours.after(at, amount.minus(elapsed)) : null;
            thresholds.add(new ThresholdCrossing(threshold, projected, false));
            if (threshold.isBreach()) {
                projectedDue = projected;
            }
            if (projected != null && (nextDueAt == null || projected.isBefore(nextDueAt))) {
                nextDueAt = projected;
            }
        }

        ClockState state;
        Instant dueAt;
        if (clock.cancelled) {
            state = ClockState.CANCELLED;
            dueAt = null;
        } else if (breachedAt != null) {
            state = ClockState.BREACHED;
            dueAt = breachedAt;
        } else if (clock.stoppedAt != null) {
            state = ClockState.MET;
            dueAt = hours.after(clock.stoppedAt, goal.minus(elapsed)); // the due instant it had
        } else if (!running) {
            state = ClockState.PAUSED;
            dueAt = null;
        } else {
            state = ClockState.RUNNING;
            dueAt = projectedDue;
        }
        return new Figures(
                clock.metric,
                state,
                clock.priority,
                goal,
                elapsed,
                goal.minus(elapsed),
                dueAt,
                breachedAt,
                clock.stoppedAt,
                withoutZeros(paused),
                List.copyOf(thresholds),
                running ? nextDueAt : null,
                clock.cycle);
    }

    /** The policy's warning ratios, then its leads before due, then the breach. */
    private static List<Threshold> thresholdsOf(SlaPolicy policy) {
        List<Threshold> all = new ArrayList<>();
        policy.thresholds().forEach(ratio -> all.add(Threshold.ratio(ratio)));
        policy.warnBefore().forEach(lead -> all.add(Threshold.beforeDue(lead)));
        all.add(Threshold.BREACH);
        return all;
    }

    /** Business time at which a threshold is reached: a fraction rounded down to the nanosecond, or due less the lead. */
    private static Duration amount(Threshold threshold, Duration target) {
        if (threshold.beforeDue() != null) {
            Duration left = target.minus(threshold.beforeDue());
            return left.isNegative() ? Duration.ZERO : left;
        }
        BigDecimal nanos = new BigDecimal(target.toNanos()).multiply(threshold.ratio());
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    private static Map<TicketStatus, Duration> withoutZeros(Map<TicketStatus, Duration> paused) {
        Map<TicketStatus, Duration> kept = new TreeMap<>();
        paused.forEach((status, time) -> {
            if (!time.isZero()) {
                kept.put(status, time);
            }
        });
        return kept;
    }

    // ---------------------------------------------------------------- business time, opening by opening

    /** A calendar's openings, read straight from its definition date by date by the calendar's reference. */
    private static final class BusinessHours {

        private final ReferenceCalendar reference;

        BusinessHours(CalendarDefinition definition) {
            this.reference = new ReferenceCalendar(definition);
        }

        /** Business time inside {@code [from, to)}. */
        Duration between(Instant from, Instant to) {
            return reference.between(from, to);
        }

        /**
         * The first instant at which {@code amount} of business time has been counted over the stretches,
         * one after the other; null when they hold less. Nothing to count is reached where counting starts.
         */
        Instant reached(List<Stretch> stretches, Duration amount) {
            if (stretches.isEmpty()) {
                return null;
            }
            if (amount.isZero()) {
                return stretches.get(0).from();
            }
            Duration left = amount;
            for (Stretch stretch : stretches) {
                for (Instant[] opening : reference.openings(stretch.from(), stretch.to())) {
                    Duration available = Duration.between(opening[0], opening[1]);
                    if (available.compareTo(left) >= 0) {
                        return opening[0].plus(left);
                    }
                    left = left.minus(available);
                }
            }
            return null;
        }

        /** The first instant at which {@code amount} of business time has passed since {@code from}; null past the span. */
        Instant after(Instant from, Duration amount) {
            try {
                return reference.add(from, amount);
            } catch (CalendarRangeException beyondTheSpan) {
                return null;
            }
        }
    }
}
