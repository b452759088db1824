package io.pledge.tickets;

import io.pledge.sla.Metric;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock went past its target; published once per clock cycle, in the transaction that records it.
 * {@code breachedAt} is the exact breach instant, {@code firedAt} when Pledge noticed.
 */
public record ClockBreached(
        TicketId ticket, UUID clientId, Metric metric, int cycle, Instant breachedAt, Instant firedAt) {}
