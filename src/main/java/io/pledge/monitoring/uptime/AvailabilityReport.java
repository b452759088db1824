package io.pledge.monitoring.uptime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * A monitor's availability over a period, as PRODUCT.md defines it, over the covered part of the period
 * only: {@code (covered − excluded − downtime outside excluded) ÷ (covered − excluded)}, where covered
 * time is the part of the period the monitor was watched (none before it existed or before its first
 * check) and excluded time is maintenance and monitoring gaps, all measured in the monitor's calendar.
 *
 * @param period the period asked for
 * @param measured the period's counted time (its length for {@code 24x7})
 * @param covered counted time the monitor was watched; the rest of the period is no data
 * @param maintenance covered time inside maintenance windows
 * @param gaps covered time inside monitoring gaps and outside maintenance
 * @param downtime covered downtime outside maintenance and gaps
 * @param availability percent, rounded half-even to 6 decimals; 100 when coverage holds nothing to count
 *     (all maintenance, or no business time); null when the period has no coverage at all
 * @param allowed the error budget: what the target allows of the counted time
 * @param remaining {@code allowed − downtime}, negative once the budget is spent
 * @param coverageSpans the covered part of the period, as a union
 * @param downtimeSpans the downtime intervals inside the period (before exclusion)
 * @param maintenanceSpans the maintenance intervals inside the period
 * @param gapSpans the monitoring gaps inside the period
 */
public record AvailabilityReport(
        Span period,
        Duration measured,
        Duration covered,
        Duration maintenance,
        Duration gaps,
        Duration downtime,
        BigDecimal availability,
        BigDecimal target,
        Duration allowed,
        Duration remaining,
        List<Span> coverageSpans,
        List<Span> downtimeSpans,
        List<Span> maintenanceSpans,
        List<Span> gapSpans) {

    /** Covered time minus excluded time: the denominator. */
    public Duration counted() {
        return covered.minus(maintenance).minus(gaps);
    }

    /** False when the period has no coverage: no data claims no target. */
    public boolean meetsTarget() {
        return availability != null && availability.compareTo(target) >= 0;
    }

    /**
     * The share of the period's counted time that was covered, from 0 to 1 (6 decimals); when the period
     * holds no counted time (no business hours), 1 if any of it was watched, else 0.
     */
    public BigDecimal coverage() {
        if (measured.isZero()) {
            return coverageSpans.isEmpty() ? BigDecimal.ZERO.setScale(6) : BigDecimal.ONE.setScale(6);
        }
        return new BigDecimal(covered.toNanos()).divide(new BigDecimal(measured.toNanos()), 6, RoundingMode.HALF_EVEN);
    }
}
