package io.pledge.tickets;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored ticket event, as it arrived: never updated, never deleted. {@code seq} orders events of
 * the same instant by arrival.
 */
public record RecordedEvent(
        UUID id,
        TicketId ticket,
        long seq,
        EventKind kind,
        Instant at,
        Priority priority,
        TicketStatus status,
        String statusLabel,
        String author,
        Boolean isPublic,
        String body,
        UUID technicianId,
        UUID teamId,
        String source,
        String eventId,
        Instant recordedAt) {}
