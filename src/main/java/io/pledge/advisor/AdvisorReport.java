package io.pledge.advisor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the target advisor found over a period: per tier, priority and metric, the business time the clocks
 * that stopped in the period took, against the target promised now and the internal goal, the target a
 * compliance level would have needed, and the same month by month.
 *
 * @param compliance the compliance level (percent) the suggested targets are for
 * @param minimumSample below this many clocks a line or month carries a warning
 * @param client the client the figures are limited to, or null for every client
 */
public record AdvisorReport(
        Period period,
        BigDecimal compliance,
        int minimumSample,
        ClientLine client,
        Instant computedAt,
        List<Line> lines) {

    /** The period's days, read in each client's zone. */
    public record Period(String label, LocalDate firstDay, LocalDate lastDay) {}

    public record ClientLine(UUID id, String name, String slug) {}

    /**
     * One tier, priority and metric.
     *
     * @param target the target of the tier's policy in force now; null when its priority has none any more
     * @param metPercent clocks within {@code target}, percent of {@code clocks}
     * @param recordedMetPercent clocks recorded as met against the target each counted against when it ran
     *     (the compliance report's met %)
     * @param goal the internal goal, null when none is set
     * @param goalMetPercent clocks within the goal, percent
     * @param suggestedTarget the shortest target at least {@code compliance} % of the clocks stayed within
     * @param warning why the figures may not be trusted (too few clocks), or null
     */
    public record Line(
            UUID tierId,
            String tier,
            String priority,
            String metric,
            int clocks,
            Duration p50,
            Duration p80,
            Duration p90,
            Duration p95,
            Duration max,
            Duration target,
            BigDecimal metPercent,
            BigDecimal recordedMetPercent,
            Duration goal,
            BigDecimal goalMetPercent,
            Duration suggestedTarget,
            String warning,
            List<Month> months) {}

    /** One calendar month of a line (the clocks that stopped in it, in their client's zone). */
    public record Month(
            String month,
            int clocks,
            Duration p50,
            Duration p90,
            Duration max,
            BigDecimal metPercent,
            BigDecimal goalMetPercent,
            Duration suggestedTarget,
            String warning) {}
}
