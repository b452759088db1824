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

    public enum State {
        PENDING,
        SENT,
        DEAD
    }
}
