package io.pledge.monitoring.uptime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much counted time lies in {@code [start, end)}: all of it for a {@code 24x7} monitor, the
 * business time of its calendar otherwise. Must be additive: measuring adjacent spans separately gives
 * the measure of their union.
 */
@FunctionalInterface
public interface Measure {

    /** Every second counts. */
    Measure ELAPSED = Duration::between;

    Duration between(Instant start, Instant end);

    default Duration of(Span span) {
        return between(span.start(), span.end());
    }

    /** The total over disjoint spans (as {@link Span#union} returns them). */
    default Duration of(List<Span> disjoint) {
        Duration total = Duration.ZERO;
        for (Span span : disjoint) {
            total = total.plus(of(span));
        }
        return total;
    }
}
