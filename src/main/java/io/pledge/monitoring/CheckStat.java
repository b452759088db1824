package io.pledge.monitoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hour's or one day's checks of a monitor (UTC).
 *
 * @param histogram check counts by latency, following {@link #LATENCY_BOUNDS}, then the rest
 */
public record CheckStat(
        Instant start,
        int checks,
        int failures,
        long latencySumMs,
        int latencyMinMs,
        int latencyMaxMs,
        int[] histogram) {

    /** Upper bounds (ms) of the latency histogram's buckets; one last bucket holds the rest. */
    public static final int[] LATENCY_BOUNDS = {100, 250, 500, 1000, 2500, 5000, 10000};

    /** The histogram labelled by bucket: {@code le100} ... {@code le10000}, then {@code over10000}. */
    public Map<String, Integer> labelled() {
        Map<String, Integer> labelled = new LinkedHashMap<>();
        for (int i = 0; i < histogram.length; i++) {
            String label = i < LATENCY_BOUNDS.length
                    ? "le" + LATENCY_BOUNDS[i]
                    : "over" + LATENCY_BOUNDS[LATENCY_BOUNDS.length - 1];
            labelled.put(label, histogram[i]);
        }
        return labelled;
    }

    /**
     * The upper bound of the bucket holding the 95th percentile, or the slowest check when that is the
     * last bucket.
     */
    public Integer p95LatencyMs() {
        int needed = (int) Math.ceil(checks * 0.95);
        int seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= needed) {
                return i < LATENCY_BOUNDS.length ? LATENCY_BOUNDS[i] : latencyMaxMs;
            }
        }
        return null;
    }

    /** The mean latency, zero without checks. */
    public long latencyAvgMs() {
        return checks == 0 ? 0 : latencySumMs / checks;
    }
}
