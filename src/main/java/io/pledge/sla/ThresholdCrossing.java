package io.pledge.sla;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A threshold of a clock and the instant elapsed business time reaches it, either crossed already or,
 * for a running clock, projected. {@code at} is null when the clock is paused or stopped before reaching
 * it.
 */
public record ThresholdCrossing(Threshold threshold, Instant at, boolean crossed) {

    /** The fraction of the target, or null for a lead before due. */
    public BigDecimal ratio() {
        return threshold.ratio();
    }
}
