package io.pledge.sla;

/**
 * What a ticket event is: the one vocabulary of the tickets API, ingest, imports, stored events and
 * {@code /sla/evaluate}. All but {@link #ASSIGNED} can move a ticket's SLA clocks.
 */
public enum EventType {
    CREATED,
    STATUS_CHANGED,
    REPLIED,
    NOTE,
    PRIORITY_CHANGED,
    /** A technician or a team now works the ticket: who works a ticket never changes its clocks. */
    ASSIGNED,
    RESOLVED,
    REOPENED,
    CLOSED,
    CANCELLED;

    /** Whether events of this type belong to a clock timeline ({@link TicketEvent}). */
    public boolean affectsClocks() {
        return this != ASSIGNED;
    }
}
