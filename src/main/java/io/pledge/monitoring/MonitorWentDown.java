package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import java.time.Instant;
import java.util.UUID;

/**
 * A monitor was confirmed DOWN; published once per change, in the transaction that opens the downtime.
 *
 * @param downSince when the downtime starts: the first failed check of the confirming run, the missed
 *     heartbeat deadline, or the alert's start
 * @param detectedAt when Pledge confirmed it
 * @param reason the failure of the last check, or the alert's summary
 * @param inMaintenance whether {@code detectedAt} falls in a maintenance window of the monitor (then the
 *     downtime does not count against availability while the window lasts)
 */
public record MonitorWentDown(
        UUID monitorId,
        ClientId clientId,
        String monitorName,
        MonitorKind kind,
        Instant downSince,
        Instant detectedAt,
        String reason,
        boolean inMaintenance) {}
