package io.pledge.tickets;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/** A page of the ticket queue: filters, the position after which to continue, and a page size. */
public record TicketQuery(
        UUID clientId,
        TicketStatus status,
        Priority priority,
        UUID assigneeId,
        Boolean breached,
        Instant dueBefore,
        Cursor after,
        int limit) {

    /** Where a page ended: the last ticket's next due instant (null sorts last) and id. */
    public record Cursor(Instant nextDueAt, UUID id) {}
}
