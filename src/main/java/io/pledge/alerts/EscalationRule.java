package io.pledge.alerts;

import io.pledge.clients.ClientId;
import io.pledge.clients.TierId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of an escalation rule: when a clock matching its tier, priority, metric and client (null
 * matches any) crosses {@code threshold} (a fraction of the target, 1 for the breach, or a lead before
 * due), or, for a rule that {@code firesOn} a monitor event, when a monitor of that client (null: any)
 * goes down, comes up, or starts or stops burning its error budget, carry out {@code action} with
 * {@code target}.
 */
public record EscalationRule(
        UUID id,
        int version,
        String name,
        TierId tierId,
        Priority priority,
        Metric metric,
        ClientId clientId,
        FiresOn firesOn,
        Threshold threshold,
        Action action,
        String target,
        String secret,
        boolean active,
        Instant createdAt) {

    /** What a rule reacts to: a clock's threshold, or a monitor's change. */
    public enum FiresOn {
        THRESHOLD,
        MONITOR_DOWN,
        MONITOR_UP,
        BUDGET_BURNING,
        BUDGET_RECOVERED;

        public boolean isMonitorEvent() {
            return this != THRESHOLD;
        }
    }

    /** What a rule does, and what its {@code target} names. */
    public enum Action {
        /** POST a JSON document signed with the rule's secret to the URL in {@code target}. */
        WEBHOOK,
        /** POST Slack- and Teams-compatible incoming-webhook JSON to the URL in {@code target}. */
        CHAT,
        /**
         * Mail the recipients in {@code target}, comma-separated: {@code assignee} (the assigned technician),
         * {@code team} (the assigned team's address), {@code client-contacts} (breach rules only), or
         * addresses.
         */
        MAIL,
        /** Assign the ticket to the team whose id is {@code target}. */
        REASSIGN,
        /** Raise the ticket's priority to the one in {@code target} (never lowers it). */
        RAISE_PRIORITY;

        /** Whether the action changes the ticket rather than sending a message. */
        public boolean actsOnTicket() {
            return this == REASSIGN || this == RAISE_PRIORITY;
        }
    }

    /** The same version with another signing secret. */
    public EscalationRule withSecret(String secret) {
        return new EscalationRule(
                id, version, name, tierId, priority, metric, clientId, firesOn, threshold, action, target, secret,
                active, createdAt);
    }

    /** The next version of the rule, no longer applying. */
    public EscalationRule retired() {
        return new EscalationRule(
                id, 0, name, tierId, priority, metric, clientId, firesOn, threshold, action, target, secret, false,
                null);
    }
}
