package io.pledge.tickets;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event from another system: its own {@code eventId} (idempotency key), the ticket's
 * {@code externalId}, the event fields of {@link TicketEventDocument}, and for a CREATED event (or any
 * event of a ticket not seen yet) the ticket fields of {@link TicketDocument}; a new ticket's creation
 * instant is the event's {@code at}.
 */
public record IngestEvent(
        String eventId,
        String externalId,
        String type,
        String at,
        String priority,
        String status,
        String author,
        @JsonProperty("public") Boolean isPublic,
        String body,
        String technicianId,
        String teamId,
        String client,
        String service,
        String subject,
        String description,
        String requester) {

    TicketEventDocument event() {
        return new TicketEventDocument(type, at, priority, status, author, isPublic, body, technicianId, teamId);
    }

    TicketDocument ticket(String source) {
        return new TicketDocument(
                client,
                priority,
                service,
                subject == null || subject.isBlank() ? externalId : subject,
                description,
                requester,
                at,
                source,
                externalId);
    }
}
