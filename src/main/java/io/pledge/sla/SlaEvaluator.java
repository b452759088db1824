package io.pledge.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 *
 * <p>An evaluation replays the timeline into each metric's clock history ({@link TimelineReplay}), then
 * reads the figures of its current cycle ({@link ClockFigures}); the explanation of every figure
 * ({@link ClockExplanation}) is built only when a clock's timeline is read.
 */
public final class SlaEvaluator {

    private final ClockRules rules;
    private final ClockFigures figures;

    public SlaEvaluator(SlaPolicy policy, TargetCalendars calendars) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendars, "calendars");
        this.rules = new ClockRules(policy);
        ThresholdAmounts amounts = new ThresholdAmounts(policy);
        this.figures = new ClockFigures(amounts, calendars, new ClockExplanation(amounts, calendars));
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
        List<SlaClock> clocks = new ArrayList<>(2);
        for (ClockTrack track : TimelineReplay.replay(rules, timeline, at)) {
            SlaClock clock = figures.of(track, at);
            if (clock != null) {
                clocks.add(clock);
            }
        }
        return clocks;
    }
}
