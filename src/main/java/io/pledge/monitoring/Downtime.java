package io.pledge.monitoring;

import io.pledge.monitoring.uptime.Span;
import java.time.Instant;
import java.util.UUID;

/**
 * One downtime interval of a monitor, {@code [start, end)}; {@code end} null while open.
 *
 * @param source CHECKS, HEARTBEAT, or the tool that reported it (ALERTMANAGER, JSON)
 * @param alertKey the reporting tool's incident key; null for Pledge's own checks
 */
public record Downtime(
        UUID id, UUID monitorId, Instant start, Instant end, String source, String alertKey, String reason) {

    /** The interval as far as it is known at {@code now}: an open one runs to now. */
    public Span until(Instant now) {
        Instant to = end == null || end.isAfter(now) ? now : end;
        return Span.of(start, to.isBefore(start) ? start : to);
    }
}
