package io.pledge.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * Percentiles of business times by the nearest-rank method: the smallest value with at least {@code p} % of
 * the values at or below it. Every percentile is a time some clock actually took, and a reader can find it
 * by sorting the clocks.
 */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The {@code p}th percentile (0 < p ≤ 100) of values sorted ascending; null when there are none.
     */
    public static Duration of(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        // rank = ceil(p/100 × n), from 1
        int rank = (int) ((p * (long) sorted.size() + 99) / 100);
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /**
     * The {@code p}th percentile (0 < p ≤ 100, decimals allowed: 99.5) of values sorted ascending, by the same
     * nearest-rank method; null when there are none. It is the shortest target that at least {@code p} % of
     * the values stay within.
     */
    public static Duration of(List<Duration> sorted, BigDecimal p) {
        if (sorted.isEmpty()) {
            return null;
        }
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, got " + p);
        }
        // rank = ceil(p/100 × n), from 1, computed exactly
        int rank = p.multiply(BigDecimal.valueOf(sorted.size()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
