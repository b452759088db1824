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
     * @param target the availability target in percent (99.9), above 0 and at most 100
     */
    public static AvailabilityReport over(
            Span period,
            List<Span> downtime,
            List<Span> maintenance,
            List<Span> gaps,
            BigDecimal target,
            Measure measure) {
        List<Span> down = Span.within(downtime, period);
        List<Span> maintained = Span.within(maintenance, period);
        List<Span> gapped = Span.within(gaps, period);
        List<Span> excluded = union(maintained, gapped);
        Duration measured = measure.of(period);
        Duration maintenanceTime = measure.of(maintained);
        Duration gapTime = measure.of(Span.minus(gapped, maintained));
        Duration downTime = measure.of(Span.minus(down, excluded));
        Duration counted = measured.minus(maintenanceTime).minus(gapTime);
        BigDecimal availability = counted.isZero() || counted.isNegative()
                ? HUNDRED.setScale(6)
                : HUNDRED.multiply(seconds(counted.minus(downTime)))
                        .divide(seconds(counted), 6, RoundingMode.HALF_EVEN);
        Duration allowed = budget(counted, target);
        return new AvailabilityReport(
                period,
                measured,
                maintenanceTime,
                gapTime,
                downTime,
                availability,
                target,
                allowed,
                allowed.minus(downTime),
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

    private static BigDecimal seconds(Duration duration) {
        return new BigDecimal(duration.toNanos()).divide(NANOS_PER_SECOND);
    }
}
