package io.pledge.monitoring.uptime;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A monitor's availability over a period, as PRODUCT.md defines it: {@code (period − excluded −
 * downtime outside excluded) ÷ (period − excluded)}, where excluded time is maintenance and monitoring
 * gaps, all measured in the monitor's calendar.
 *
 * @param period the period asked for
 * @param measured the period's counted time (its length for {@code 24x7})
 * @param maintenance counted time inside maintenance windows
 * @param gaps counted time inside monitoring gaps and outside maintenance
 * @param downtime counted downtime outside maintenance and gaps
 * @param availability percent, rounded half-even to 6 decimals; 100 when nothing was counted
 * @param allowed the error budget: what the target allows of the counted time
 * @param remaining {@code allowed − downtime}, negative once the budget is spent
 * @param downtimeSpans the downtime intervals inside the period (before exclusion)
 * @param maintenanceSpans the maintenance intervals inside the period
 * @param gapSpans the monitoring gaps inside the period
 */
public record AvailabilityReport(
        Span period,
        Duration measured,
        Duration maintenance,
        Duration gaps,
        Duration downtime,
        BigDecimal availability,
        BigDecimal target,
        Duration allowed,
        Duration remaining,
        List<Span> downtimeSpans,
        List<Span> maintenanceSpans,
        List<Span> gapSpans) {

    /** Counted time minus excluded time: the denominator. */
    public Duration counted() {
        return measured.minus(maintenance).minus(gaps);
    }

    public boolean meetsTarget() {
        return availability.compareTo(target) >= 0;
    }
}
