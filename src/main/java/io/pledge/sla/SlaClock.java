package io.pledge.sla;

import io.pledge.calendar.BusinessDayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One SLA metric of one ticket, as of an evaluation instant.
 *
 * @param target the target of the priority in force (business time)
 * @param elapsed business time counted in the current cycle
 * @param remaining target minus elapsed; negative by the overshoot once breached
 * @param dueAt when the clock reaches its target if it keeps running (the breach instant once
 *     breached, the due instant it had when it stopped for a met clock; null while paused)
 * @param breachedAt the exact instant elapsed time reached the target, when breached
 * @param stoppedAt when the clock stopped (met, breached and stopped, or cancelled)
 * @param paused business time spent in each pause status during the current cycle
 * @param thresholds every threshold of the current target, breach (ratio 1) last
 * @param nextDueAt the next threshold still to come while running, for the scheduler
 * @param cycle 1, then one more for each reopening under {@code NEW_CYCLE} or restart by a priority change
 * @param timeline the explanation of every figure, in order
 * @param businessDays the business-day target in force, null for a target of business time: {@code target}
 *     is then the business time from the cycle's start to its deadline (ADR 0040)
 */
public record SlaClock(
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
        int cycle,
        List<ClockEntry> timeline,
        BusinessDayRule businessDays) {}
