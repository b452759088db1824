package io.pledge.alerts;

import java.time.Instant;
import java.util.UUID;

/** One message to deliver for one rule, clock cycle and threshold: pending, sent, or dead after retries. */
public record Delivery(
        UUID id,
        UUID ruleId,
        int ruleVersion,
        String idempotencyKey,
        UUID ticketId,
        EscalationRule.Action action,
        String target,
        String payload,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum State {
        PENDING,
        SENT,
        DEAD
    }
}
