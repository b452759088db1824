package io.pledge.tickets;

import io.pledge.sla.Metric;

/**
 * One threshold of one clock cycle of a ticket: what fires once, whatever recomputes the clock. The
 * threshold is named by its key ({@code 0.75}, {@code 1}, {@code PT30M} for a lead before due).
 */
public record ClockThreshold(TicketId ticket, Metric metric, int cycle, String threshold) {}
