package io.pledge.tickets.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledge.tickets.RecordedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored ticket event. {@code bodySha256} is the digest of its text (the one the audit chain holds);
 * {@code internal} marks the MSP's notes and internal replies, whose text a client's contacts never get.
 */
record EventView(
        UUID id,
        String type,
        Instant at,
        long seq,
        String priority,
        String status,
        String statusLabel,
        String author,
        @JsonProperty("public") Boolean isPublic,
        String body,
        UUID technicianId,
        UUID teamId,
        String source,
        String eventId,
        Instant recordedAt,
        String bodySha256,
        boolean internal) {

    static EventView of(RecordedEvent event) {
        return new EventView(
                event.id(),
                event.kind().name(),
                event.at(),
                event.seq(),
                event.priority() == null ? null : event.priority().code(),
                event.status() == null ? null : event.status().name(),
                event.statusLabel(),
                event.author(),
                event.isPublic(),
                event.body(),
                event.technicianId(),
                event.teamId(),
                event.source(),
                event.eventId(),
                event.recordedAt(),
                event.bodySha256(),
                event.isInternal());
    }
}
