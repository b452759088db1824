package io.pledge.tickets;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock went past its target; published once per clock cycle, in the transaction that records it.
 * {@code breachedAt} is the exact breach instant, {@code firedAt} when Pledge noticed.
 */
public record ClockBreached(
        TicketId ticket,
        UUID clientId,
        UUID tierId,
        Priority priority,
        Metric metric,
        int cycle,
        Instant breachedAt,
        Instant firedAt) {}
