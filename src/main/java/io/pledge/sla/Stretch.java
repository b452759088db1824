package io.pledge.sla;

import java.time.Instant;

/** A stretch of time a clock counted, {@code [start, end)}, {@code start} before {@code end}. */
record Stretch(Instant start, Instant end) {}
