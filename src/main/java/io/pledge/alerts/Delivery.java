package io.pledge.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One message or action owed for one rule and one event (a clock's threshold in a cycle, a monitor's
 * change): pending, sent, or dead after retries. It names the ticket or the monitor it is about.
 */
public record Delivery(
        UUID id,
        UUID ruleId,
        int ruleVersion,
        String idempotencyKey,
        UUID ticketId,
        UUID monitorId,
        EscalationRule.Action action,
        String target,
        String payload,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /** A new delivery for a rule, pending and due now, about a ticket or a monitor. */
    public static Delivery owed(
            EscalationRule rule, String key, UUID ticket, UUID monitor, String payload, Instant now) {
        return new Delivery(
                UUID.randomUUID(),
                rule.id(),
                rule.version(),
                key,
                ticket,
                monitor,
                rule.action(),
                rule.target(),
                payload,
                State.PENDING,
                0,
                now,
                null,
                now,
                null);
    }

    public enum State {
        PENDING,
        SENT,
        DEAD
    }
}
