package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * The part of a clock cycle one target is valid for: from the cycle's start, or from a priority change
 * applied retroactively ({@code retroactive}: the cycle's elapsed time counts against the new target).
 *
 * @param target null when the policy sets no target for the priority and metric
 * @param budgetFrom the start a business-day target's budget is derived from: the cycle's start, also
 *     for a retroactive epoch, whose elapsed time counts from there
 */
record TargetEpoch(Instant from, Priority priority, Target target, boolean retroactive, Instant budgetFrom) {

    TargetEpoch(Instant from, Priority priority, Target target, boolean retroactive) {
        this(from, priority, target, retroactive, from);
    }

    /** The business time the target allows in its calendar: its duration, or its business-day budget. */
    Duration budget(BusinessCalendar calendar) {
        return target.budget(calendar, budgetFrom);
    }

    String describe() {
        return priority + ", target " + (target == null ? "none" : target.describe());
    }
}
