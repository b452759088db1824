package io.pledge.tickets;

/**
 * An event to record on a ticket: {@code type} STATUS_CHANGED ({@code status}: an engine status or the
 * source's own label), REPLIED ({@code author} AGENT or CUSTOMER, {@code isPublic}, {@code body}), NOTE
 * ({@code body}), PRIORITY_CHANGED ({@code priority}), ASSIGNED ({@code technicianId} and/or
 * {@code teamId}), RESOLVED, REOPENED, CLOSED or CANCELLED; {@code at} defaults to now and is never
 * before the ticket's creation.
 */
public record TicketEventDocument(
        String type,
        String at,
        String priority,
        String status,
        String author,
        Boolean isPublic,
        String body,
        String technicianId,
        String teamId) {}
