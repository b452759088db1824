package io.pledge.tickets.web;

import io.pledge.sla.web.ClockView;
import io.pledge.tickets.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket as the API shows it, with its clocks. {@code noClocksReason} says why it has none. */
record TicketView(
        UUID id,
        UUID clientId,
        UUID contractId,
        UUID tierId,
        Integer policyVersion,
        String noClocksReason,
        String priority,
        String status,
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
        Instant updatedAt,
        List<ClockView> clocks) {

    static TicketView of(Ticket ticket, List<ClockView> clocks) {
        return new TicketView(
                ticket.id().value(),
                ticket.clientId(),
                ticket.contractId(),
                ticket.tierId(),
                ticket.policyVersion(),
                ticket.scopeReason(),
                ticket.priority().code(),
                ticket.status().name(),
                ticket.statusLabel(),
                ticket.service(),
                ticket.subject(),
                ticket.description(),
                ticket.requester(),
                ticket.source(),
                ticket.externalId(),
                ticket.technicianId(),
                ticket.teamId(),
                ticket.createdAt(),
                ticket.updatedAt(),
                clocks);
    }
}
