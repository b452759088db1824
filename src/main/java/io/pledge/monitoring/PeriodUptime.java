package io.pledge.monitoring;

import io.pledge.monitoring.uptime.AvailabilityReport;
import io.pledge.monitoring.uptime.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A monitor's uptime over a period, in plain values for other modules: the figures {@link
 * AvailabilityQueries} computes, over the part of the period that has passed. Durations are counted in the
 * monitor's calendar, except {@link #meanTimeToRecovery} (elapsed time).
 *
 * @param availability percent (6 decimals); null when the period has no coverage
 * @param covered the part of the period the monitor was watched
 * @param maintenance covered time inside maintenance windows
 * @param gaps covered time inside monitoring gaps, outside maintenance
 * @param downtime covered downtime outside maintenance and gaps
 * @param allowed the error budget of the whole period at the target
 * @param budgetUsedPercent downtime as a share of the error budget (2 decimals; null when the budget is
 *     zero)
 * @param incidents the downtime records that started in the period
 * @param meanTimeToRecovery the mean length of those incidents that ended, start to end; null when none
 *     ended
 * @param whole the whole period's counted time, for a forecast of a period not over yet
 */
public record PeriodUptime(
        Monitor monitor,
        Instant from,
        Instant to,
        BigDecimal target,
        BigDecimal availability,
        boolean meetsTarget,
        Duration covered,
        Duration maintenance,
        Duration gaps,
        Duration downtime,
        Duration allowed,
        BigDecimal budgetUsedPercent,
        int incidents,
        Duration meanTimeToRecovery,
        List<Interval> downtimeIntervals,
        List<Interval> maintenanceWindows,
        List<RetroactiveWindow> retroactiveWindows,
        List<Interval> monitoringGaps,
        Whole whole) {

    /**
     * The whole period as far as it is known: watched from the first report (or now) to its end, every
     * maintenance window planned in it, the gaps so far; equal to the figures above once it has ended.
     */
    public record Whole(Duration covered, Duration maintenance, Duration gaps) {}

    /** A half-open interval {@code [start, end)}; {@code end} null while open. */
    public record Interval(Instant start, Instant end) {}

    /** A maintenance window created after it started, which erased downtime already recorded, and why. */
    public record RetroactiveWindow(String name, String reason, Instant createdAt, List<Interval> occurrences) {}

    static PeriodUptime of(Monitor monitor, AvailabilityQueries.Answer answer) {
        AvailabilityReport soFar = answer.soFar();
        AvailabilityReport whole = answer.whole();
        Instant from = whole.period().start();
        Instant to = whole.period().end();
        var started = answer.downtime().stream()
                .filter(d -> !d.start().isBefore(from) && d.start().isBefore(to))
                .toList();
        var recovered = started.stream().filter(d -> d.end() != null).toList();
        Duration mttr = recovered.isEmpty()
                ? null
                : recovered.stream()
                        .map(d -> Duration.between(d.start(), d.end()))
                        .reduce(Duration.ZERO, Duration::plus)
                        .dividedBy(recovered.size());
        BigDecimal used = whole.allowed().isZero()
                ? null
                : BigDecimal.valueOf(soFar.downtime().toNanos())
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(whole.allowed().toNanos()), 2, RoundingMode.HALF_EVEN);
        return new PeriodUptime(
                monitor,
                from,
                to,
                monitor.target(),
                soFar.availability(),
                soFar.meetsTarget(),
                soFar.covered(),
                soFar.maintenance(),
                soFar.gaps(),
                soFar.downtime(),
                whole.allowed(),
                used,
                started.size(),
                mttr,
                answer.downtime().stream()
                        .map(d -> new Interval(d.start(), d.end()))
                        .toList(),
                intervals(whole.maintenanceSpans()),
                answer.retroactive().stream()
                        .map(r -> new RetroactiveWindow(r.name(), r.reason(), r.createdAt(), intervals(r.spans())))
                        .toList(),
                intervals(whole.gapSpans()),
                new Whole(whole.covered(), whole.maintenance(), whole.gaps()));
    }

    private static List<Interval> intervals(List<Span> spans) {
        return spans.stream().map(s -> new Interval(s.start(), s.end())).toList();
    }
}
