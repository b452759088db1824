package io.pledge.reporting.credits;

import java.math.BigDecimal;

/**
 * A step of a policy's credit schedule, named by its place in the policy document.
 *
 * @param field where the step sits in the policy document: {@code credits[1]} or {@code ticketCredits[0]}
 * @param below the level (a percentage) a figure must be strictly below to hit the step
 * @param creditPercent the percentage of the monthly fee the step owes
 */
public record ScheduleStep(String field, BigDecimal below, BigDecimal creditPercent) {

    /** Whether a figure hits this step: strictly below its level; a figure exactly at the level does not. */
    public boolean hitBy(BigDecimal figure) {
        return figure.compareTo(below) < 0;
    }
}
