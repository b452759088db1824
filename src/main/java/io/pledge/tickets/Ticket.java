package io.pledge.tickets;

import io.pledge.clients.ClientId;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's current row: who it is for, what its clocks count against (fixed at creation), what was
 * asked, where it came from, and its state after all its events.
 *
 * @param statusLabel the source's own name for the status, when it has one
 */
public record Ticket(
        TicketId id,
        ClientId clientId,
        Coverage coverage,
        Priority priority,
        TicketStatus status,
        String statusLabel,
        Request request,
        Origin origin,
        Assignment assignment,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The contract and policy version a ticket's clocks count against, resolved at its creation.
     *
     * @param scopeReason why the ticket has no SLA clocks (no contract in force, service out of scope), or
     *     null; the contract, tier, version and calendar are null when there is one
     */
    public record Coverage(UUID contractId, UUID tierId, Integer policyVersion, UUID calendarId, String scopeReason) {

        /** No clocks, for {@code reason}. */
        public static Coverage outOfScope(String reason) {
            return new Coverage(null, null, null, null, reason);
        }
    }

    /** What was asked, and by whom. */
    public record Request(String service, String subject, String description, String requester) {}

    /**
     * Where a ticket was opened: Pledge's own desk or a source system, under that system's id.
     *
     * @param externalId the source's id of the ticket, null for tickets opened in Pledge
     */
    public record Origin(String source, String externalId) {}

    /** Who works the ticket: a technician, a team, both or neither. */
    public record Assignment(UUID technicianId, UUID teamId) {

        public static final Assignment NOBODY = new Assignment(null, null);
    }

    public boolean hasClocks() {
        return coverage.scopeReason() == null;
    }

    /** The same ticket in a new state, as of {@code updatedAt}. */
    public Ticket withState(
            Priority priority, TicketStatus status, String statusLabel, Assignment assignment, Instant updatedAt) {
        return new Ticket(
                id,
                clientId,
                coverage,
                priority,
                status,
                statusLabel,
                request,
                origin,
                assignment,
                createdAt,
                updatedAt);
    }
}
