package io.pledge.sla;

/** Where an SLA clock stands. */
public enum ClockState {
    /** Counting business time, target not yet reached. */
    RUNNING,
    /** In a pause status, target not yet reached. */
    PAUSED,
    /** Stopped within its target. */
    MET,
    /** Its target was exceeded; it keeps counting until it stops, so the overshoot is known. */
    BREACHED,
    /** No longer measured: the ticket was cancelled, deleted or merged. */
    CANCELLED
}
