package io.pledge.tickets;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's current row: who it is for, the contract and policy version its clocks count against
 * (fixed at creation), and its state after all its events.
 *
 * @param scopeReason why the ticket has no SLA clocks (no contract in force, service out of scope), or null
 */
public record Ticket(
        TicketId id,
        UUID clientId,
        UUID contractId,
        UUID tierId,
        Integer policyVersion,
        UUID calendarId,
        String scopeReason,
        Priority priority,
        TicketStatus status,
        String statusLabel,
        String service,
        String subject,
        String description,
        String requester,
        String source,
        String externalId,
        UUID technicianId,
        UUID teamId,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasClocks() {
        return scopeReason == null;
    }
}
