package io.pledge.tickets;

import io.pledge.clients.ClientId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock went past its target; published once per clock cycle, in the transaction that records it.
 * {@code breachedAt} is the exact breach instant (the clock's due instant), {@code firedAt} when Pledge
 * noticed. The ticket's subject, source and external id let a notice name it as people know it.
 */
public record ClockBreached(
        TicketId ticket,
        ClientId clientId,
        UUID tierId,
        Priority priority,
        Metric metric,
        int cycle,
        Instant breachedAt,
        Instant firedAt,
        String subject,
        String source,
        String externalId) {}
