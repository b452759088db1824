package io.pledge.tickets.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledge.tickets.RecordedEvent;
import java.time.Instant;
import java.util.UUID;

/** A stored ticket event. */
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
        Instant recordedAt) {

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
                event.recordedAt());
    }
}
