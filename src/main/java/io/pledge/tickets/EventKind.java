package io.pledge.tickets;

/** What a ticket event is; all but {@link #ASSIGNED} feed the SLA clocks. */
public enum EventKind {
    CREATED,
    STATUS_CHANGED,
    REPLIED,
    NOTE,
    PRIORITY_CHANGED,
    ASSIGNED,
    RESOLVED,
    REOPENED,
    CLOSED,
    CANCELLED
}
