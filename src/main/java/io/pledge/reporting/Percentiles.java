package io.pledge.reporting;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of business times by the nearest-rank method: the smallest value with at least {@code p} % of
 * the values at or below it. Every percentile is a time some clock actually took, and a reader can find it
 * by sorting the clocks.
 */
final class Percentiles {

    private Percentiles() {}

    /**
     * The {@code p}th percentile (0 < p ≤ 100) of values sorted ascending; null when there are none.
     */
    static Duration of(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        // rank = ceil(p/100 × n), from 1
        int rank = (int) ((p * (long) sorted.size() + 99) / 100);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
