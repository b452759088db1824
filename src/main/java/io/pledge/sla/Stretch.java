package io.pledge.sla;

import java.time.Instant;

/**
 * A stretch of time a clock counted, {@code [start, end)}; {@code end} is null while it still counts.
 */
record Stretch(Instant start, Instant end) {

    static Stretch openAt(Instant start) {
        return new Stretch(start, null);
    }

    boolean isOpen() {
        return end == null;
    }

    Stretch closedAt(Instant t) {
        return new Stretch(start, t);
    }
}
