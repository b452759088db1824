package io.pledge.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of an escalation rule: at threshold {@code ratio} (0.75, 0.9, 1 for the breach) of a
 * clock matching its tier, priority, metric and client (null matches any), deliver to {@code target}.
 * {@code action} is WEBHOOK (JSON signed with {@code secret}) or CHAT (Slack- and Teams-compatible
 * incoming-webhook JSON).
 */
public record EscalationRule(
        UUID id,
        int version,
        String name,
        UUID tierId,
        String priority,
        String metric,
        UUID clientId,
        BigDecimal ratio,
        Action action,
        String target,
        String secret,
        boolean active,
        Instant createdAt) {

    public enum Action {
        WEBHOOK,
        CHAT
    }
}
