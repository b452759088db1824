package io.pledge.reporting.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One monitor's figures over a period, every duration counted in the monitor's calendar to the
 * nanosecond, as the availability formula of PRODUCT.md takes them: availability = (measured −
 * maintenance − gaps − downtime) ÷ (measured − maintenance − gaps).
 *
 * <p>From {@code io.pledge.monitoring.uptime.AvailabilityReport}: {@code measured = covered()}, {@code
 * maintenance = maintenance()}, {@code gaps = gaps()}, {@code downtime = downtime()}. For a forecast, the
 * figures of the whole period: its full measured length and every maintenance window planned in it, with
 * the downtime so far.
 *
 * @param service the contract service the monitor watches; null when it watches none (it is then credited
 *     on its own even when credits are per service)
 * @param measured the period's counted time while the monitor was watched
 * @param maintenance measured time inside maintenance windows
 * @param gaps measured time inside monitoring gaps and outside maintenance
 * @param downtime measured downtime outside maintenance and gaps
 * @param downtimeIds the downtime intervals behind {@code downtime}, shown as the line's evidence
 * @param maintenanceIds the maintenance windows excluded
 * @param gapIds the monitoring gaps excluded
 */
public record MonitorFigures(
        UUID monitorId,
        String name,
        String service,
        Duration measured,
        Duration maintenance,
        Duration gaps,
        Duration downtime,
        List<String> downtimeIds,
        List<String> maintenanceIds,
        List<String> gapIds) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Availability is stated, and priced, with this many decimals of a percent, as the uptime report states it. */
    public static final int AVAILABILITY_SCALE = 6;

    public MonitorFigures {
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(name, "name");
        requireNotNegative(measured, "measured");
        requireNotNegative(maintenance, "maintenance");
        requireNotNegative(gaps, "gaps");
        requireNotNegative(downtime, "downtime");
        if (maintenance.plus(gaps).compareTo(measured) > 0) {
            throw new IllegalArgumentException("maintenance and gaps exceed the measured time of " + name);
        }
        if (downtime.compareTo(measured.minus(maintenance).minus(gaps)) > 0) {
            throw new IllegalArgumentException("downtime exceeds the counted time of " + name);
        }
        downtimeIds = downtimeIds == null ? List.of() : List.copyOf(downtimeIds);
        maintenanceIds = maintenanceIds == null ? List.of() : List.copyOf(maintenanceIds);
        gapIds = gapIds == null ? List.of() : List.copyOf(gapIds);
    }

    /** A monitor watched 24x7 with no exclusion: for examples and tests. */
    public static MonitorFigures of(UUID monitorId, String name, String service, Duration measured, Duration downtime) {
        return new MonitorFigures(
                monitorId, name, service, measured, Duration.ZERO, Duration.ZERO, downtime, null, null, null);
    }

    /** The denominator: measured time less maintenance and gaps. */
    public Duration counted() {
        return measured.minus(maintenance).minus(gaps);
    }

    /**
     * Availability in percent, rounded half-even to {@value #AVAILABILITY_SCALE} decimals; 100 when
     * nothing is counted (all maintenance, or no business time).
     */
    public BigDecimal availability() {
        return availability(counted(), downtime);
    }

    /** The same monitor with {@code more} downtime outside exclusions, at most up to its counted time. */
    public MonitorFigures withMoreDowntime(Duration more) {
        requireNotNegative(more, "more");
        Duration total = downtime.plus(more);
        if (total.compareTo(counted()) > 0) {
            total = counted();
        }
        return new MonitorFigures(
                monitorId, name, service, measured, maintenance, gaps, total, downtimeIds, maintenanceIds, gapIds);
    }

    static BigDecimal availability(Duration counted, Duration downtime) {
        if (counted.isZero()) {
            return HUNDRED.setScale(AVAILABILITY_SCALE);
        }
        BigDecimal countedNanos = nanos(counted);
        return HUNDRED.multiply(countedNanos.subtract(nanos(downtime)))
                .divide(countedNanos, AVAILABILITY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal nanos(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds())
                .multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(duration.getNano()));
    }

    private static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + duration);
        }
    }
}
