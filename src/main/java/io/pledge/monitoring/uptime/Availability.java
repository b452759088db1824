package io.pledge.monitoring.uptime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Availability, error budget and burn rate of one monitor, from its downtime, maintenance and monitoring
 * gap intervals. Pure functions; all bounds half-open {@code [start, end)}; time is counted with a
 * {@link Measure} (elapsed time, or a calendar's business time).
 */
public final class Availability {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Availability() {}

    /**
     * Availability over a period watched all along (every instant of it has data).
     *
     * @param target the availability target in percent (99.9), above 0 and at most 100
     */
    public static AvailabilityReport over(
            Span period,
            List<Span> downtime,
            List<Span> maintenance,
            List<Span> gaps,
            BigDecimal target,
            Measure measure) {
        return over(period, List.of(period), downtime, maintenance, gaps, target, measure);
    }

    /**
     * Availability over the covered part of a period only: time outside {@code coverage} (before the
     * monitor existed or before its first check) is no data, counted neither up nor down. A period with
     * no coverage at all has no availability ({@code null}) and does not meet its target.
     *
     * @param coverage the spans in which the monitor was watched (any order, may overlap)
     * @param target the availability target in percent (99.9), above 0 and at most 100
     */
    public static AvailabilityReport over(
            Span period,
            List<Span> coverage,
            List<Span> downtime,
            List<Span> maintenance,
            List<Span> gaps,
            BigDecimal target,
            Measure measure) {
        List<Span> covered = Span.within(coverage, period);
        List<Span> down = Span.within(downtime, period);
        List<Span> maintained = Span.within(maintenance, period);
        List<Span> gapped = Span.within(gaps, period);
        List<Span> coveredMaintenance = intersect(maintained, covered);
        List<Span> coveredGaps = intersect(gapped, covered);
        List<Span> excluded = union(coveredMaintenance, coveredGaps);
        Duration measured = measure.of(period);
        Duration coveredTime = measure.of(covered);
        Duration maintenanceTime = measure.of(coveredMaintenance);
        Duration gapTime = measure.of(Span.minus(coveredGaps, coveredMaintenance));
        Duration downTime = measure.of(Span.minus(intersect(down, covered), excluded));
        Duration counted = coveredTime.minus(maintenanceTime).minus(gapTime);
        BigDecimal availability;
        if (covered.isEmpty()) {
            availability = null;
        } else if (counted.isZero() || counted.isNegative()) {
            availability = HUNDRED.setScale(6);
        } else {
            availability = HUNDRED.multiply(seconds(counted.minus(downTime)))
                    .divide(seconds(counted), 6, RoundingMode.HALF_EVEN);
        }
        Duration allowed = budget(counted, target);
        return new AvailabilityReport(
                period,
                measured,
                coveredTime,
                maintenanceTime,
                gapTime,
                downTime,
                availability,
                target,
                allowed,
                allowed.minus(downTime),
                covered,
                down,
                maintained,
                gapped);
    }

    /**
     * The error budget: {@code counted × (100 − target) / 100}, to the nanosecond (rounded down). 99.9 % of
     * 30 days is 43 min 12 s.
     */
    public static Duration budget(Duration counted, BigDecimal target) {
        BigDecimal nanos = new BigDecimal(counted.toNanos())
                .multiply(HUNDRED.subtract(target))
                .divide(HUNDRED, 0, RoundingMode.DOWN);
        return Duration.ofNanos(nanos.longValueExact());
    }

    /**
     * The burn rate over {@code window}: the share of its counted time (maintenance and gaps excluded)
     * spent down, divided by the share the target allows. 1 spends the budget exactly over the period;
     * 14.4 over one hour spends 2 % of a 30-day budget. Zero when nothing in the window counts.
     */
    public static double burnRate(
            Span window, List<Span> downtime, List<Span> maintenance, List<Span> gaps, BigDecimal target) {
        AvailabilityReport report = over(window, downtime, maintenance, gaps, target, Measure.ELAPSED);
        Duration counted = report.counted();
        BigDecimal allowedShare = HUNDRED.subtract(target).divide(HUNDRED);
        if (counted.isZero() || counted.isNegative() || allowedShare.signum() == 0) {
            return 0;
        }
        return seconds(report.downtime()).doubleValue() / seconds(counted).doubleValue() / allowedShare.doubleValue();
    }

    private static List<Span> union(List<Span> a, List<Span> b) {
        List<Span> all = new ArrayList<>(a);
        all.addAll(b);
        return Span.union(all);
    }

    /** The instants in both unions, as a union. */
    private static List<Span> intersect(List<Span> a, List<Span> b) {
        List<Span> both = new ArrayList<>();
        for (Span x : a) {
            for (Span y : b) {
                if (x.overlaps(y)) {
                    both.add(x.intersect(y));
                }
            }
        }
        return Span.union(both);
    }

    private static BigDecimal seconds(Duration duration) {
        return new BigDecimal(duration.toNanos()).divide(NANOS_PER_SECOND);
    }
}
