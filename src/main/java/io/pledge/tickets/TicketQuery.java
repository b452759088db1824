package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A page of the ticket queue: the caller's scope, filters, the position after which to continue, and a page
 * size.
 */
public record TicketQuery(
        Scope scope,
        UUID clientId,
        TicketStatus status,
        Priority priority,
        UUID assigneeId,
        Boolean breached,
        Instant dueBefore,
        Cursor after,
        int limit) {

    public TicketQuery {
        java.util.Objects.requireNonNull(scope, "scope");
    }

    /** Where a page ended: the last ticket's due instant (null sorts last) and id. */
    public record Cursor(Instant dueAt, UUID id) {}
}
