package io.pledge.advisor;

import io.pledge.reporting.Percentiles;
import io.pledge.reporting.ReportNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The business times a set of clocks took, and what they say about a target. Percentiles follow the
 * reporting module's nearest-rank method ({@link Percentiles}): each is a time some clock actually took. A
 * clock meets a target when its business time is at most the target, so the target suggested for a
 * compliance level {@code c} is the {@code c}th percentile: the shortest target at least {@code c} % of the
 * clocks stayed within.
 *
 * @param clocks how many clocks
 * @param p50 median; null without clocks (and likewise every figure below)
 */
public record Distribution(
        int clocks, Duration p50, Duration p80, Duration p90, Duration p95, Duration max, List<Duration> sorted) {

    /** Below this many clocks a figure is shown with a warning: too few to trust. */
    public static final int MINIMUM_SAMPLE = 30;

    public Distribution {
        sorted = List.copyOf(sorted);
    }

    /** The distribution of business times, in any order. */
    public static Distribution of(List<Duration> times) {
        List<Duration> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return new Distribution(
                sorted.size(),
                Percentiles.of(sorted, 50),
                Percentiles.of(sorted, 80),
                Percentiles.of(sorted, 90),
                Percentiles.of(sorted, 95),
                sorted.isEmpty() ? null : sorted.get(sorted.size() - 1),
                sorted);
    }

    /** How many clocks took at most {@code target}. */
    public int within(Duration target) {
        // The first index whose time is above the target is the count within it.
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).compareTo(target) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Percent of the clocks within the target, 2 decimals as reports round; null without clocks or target. */
    public BigDecimal metPercent(Duration target) {
        return target == null ? null : ReportNumbers.percent(within(target), clocks);
    }

    /** The shortest target at least {@code compliance} % of the clocks stayed within; null without clocks. */
    public Duration targetFor(BigDecimal compliance) {
        return Percentiles.of(sorted, compliance);
    }

    /** Whether there are too few clocks to trust the figures. */
    public boolean smallSample() {
        return clocks < MINIMUM_SAMPLE;
    }
}
