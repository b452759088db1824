package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A DOWN monitor was confirmed UP; published once per change, in the transaction that closes the
 * downtime {@code [downSince, upAt)}.
 *
 * @param upAt the end of the downtime: the first successful check of the confirming run, the heartbeat,
 *     or the alert's end
 * @param detectedAt when Pledge confirmed it
 */
public record MonitorCameUp(
        UUID monitorId,
        ClientId clientId,
        String monitorName,
        MonitorKind kind,
        Instant downSince,
        Instant upAt,
        Instant detectedAt,
        boolean inMaintenance) {

    public Duration downtime() {
        return Duration.between(downSince, upAt);
    }
}
