package io.pledge.sla;

/** The statuses the SLA engine understands; an MSP's own status names map onto these. */
public enum TicketStatus {
    NEW,
    OPEN,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    WAITING_ON_VENDOR,
    SCHEDULED,
    RESOLVED,
    CLOSED
}
