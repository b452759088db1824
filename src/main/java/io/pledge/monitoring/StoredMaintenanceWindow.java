package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import java.time.Instant;
import java.util.UUID;

/**
 * A maintenance window as stored; {@code monitorId} null for every monitor of the client. A {@code
 * retroactive} window started before it was created, for the {@code reason} given.
 *
 * @param recurrence ONCE or WEEKLY
 * @param zone WEEKLY: the zone its days and start are read in
 * @param days WEEKLY: the days, as {@code MON,TUE}
 * @param startTime WEEKLY: the local start, as {@code HH:MM}
 * @param durationSeconds WEEKLY: how long each occurrence lasts
 */
public record StoredMaintenanceWindow(
        UUID id,
        ClientId client,
        UUID monitorId,
        String name,
        String recurrence,
        Instant startsAt,
        Instant endsAt,
        String zone,
        String days,
        String startTime,
        Integer durationSeconds,
        Instant createdAt,
        boolean retroactive,
        String reason) {}
