package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A page of the ticket queue: the caller's scope, filters, the position after which to continue, and a page
 * size. {@code assigneeId} matches a ticket's technician or team; {@code teamId} its team alone;
 * {@code openOnly} leaves resolved and closed tickets out.
 */
public record TicketQuery(
        Scope scope,
        UUID clientId,
        TicketStatus status,
        Priority priority,
        UUID assigneeId,
        UUID teamId,
        boolean openOnly,
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
