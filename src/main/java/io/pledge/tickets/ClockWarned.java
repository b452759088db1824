package io.pledge.tickets;

import io.pledge.clients.ClientId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock crossed a warning threshold (a fraction of its target below 1, or a lead before due); published once per clock
 * cycle and threshold, in the transaction that records it. {@code crossedAt} is when the clock crossed
 * it, {@code firedAt} when Pledge noticed, {@code dueAt} the clock's due instant (null while it is paused or
 * stopped). The ticket's subject, source and external id let a notice name it as people know it.
 */
public record ClockWarned(
        TicketId ticket,
        ClientId clientId,
        UUID tierId,
        Priority priority,
        Metric metric,
        int cycle,
        Threshold threshold,
        Instant crossedAt,
        Instant firedAt,
        Instant dueAt,
        String subject,
        String source,
        String externalId) {}
