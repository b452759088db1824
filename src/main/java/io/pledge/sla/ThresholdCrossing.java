package io.pledge.sla;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A threshold of a clock: a fraction of its target (1 is the breach) and the instant elapsed business
 * time reaches it, either crossed already or, for a running clock, projected. {@code at} is null when
 * the clock is paused or stopped before reaching it.
 */
public record ThresholdCrossing(BigDecimal ratio, Instant at, boolean crossed) {}
