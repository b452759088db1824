package io.pledge.sla;

/** What an SLA clock measures on a ticket. */
public enum Metric {
    /** From creation to the first public reply by the MSP. */
    FIRST_RESPONSE,
    /** From creation to resolution, less pauses. */
    RESOLUTION
}
