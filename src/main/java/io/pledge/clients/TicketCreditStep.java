package io.pledge.clients;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.math.BigDecimal;

/**
 * One step of the response and resolution credit schedule: when the share of a metric's clocks met in a
 * period falls below {@code metBelow} percent, {@code creditPercent} of the monthly fee is owed.
 *
 * @param priority the priority whose clocks count; null when the clocks of every priority count together
 */
public record TicketCreditStep(Metric metric, Priority priority, BigDecimal metBelow, BigDecimal creditPercent) {

    /** Whether the two steps judge the same figure (same metric, same priority or both every priority). */
    public boolean sameFigureAs(TicketCreditStep other) {
        return metric == other.metric && java.util.Objects.equals(priority, other.priority);
    }
}
