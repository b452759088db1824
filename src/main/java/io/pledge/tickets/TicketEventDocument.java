package io.pledge.tickets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledge.sla.EventFields;

/**
 * An event to record on a ticket, as the tickets API, ingest and imports give it: the {@link EventFields}
 * with {@code type} STATUS_CHANGED ({@code status}: an engine status or the source's own label), REPLIED
 * ({@code author} AGENT or CUSTOMER, {@code public}, {@code body}), NOTE ({@code body}), PRIORITY_CHANGED
 * ({@code priority}), ASSIGNED ({@code technicianId} and/or {@code teamId}), RESOLVED, REOPENED, CLOSED or
 * CANCELLED; {@code at} defaults to now and is never before the ticket's creation.
 */
public record TicketEventDocument(
        String type,
        String at,
        String priority,
        String status,
        String author,
        @JsonProperty("public") Boolean isPublic,
        String body,
        String technicianId,
        String teamId)
        implements EventFields {}
