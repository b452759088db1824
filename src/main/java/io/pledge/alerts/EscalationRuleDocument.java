package io.pledge.alerts;

import java.math.BigDecimal;

/**
 * The JSON form of an escalation rule as the API takes it, loosely typed so that
 * {@link EscalationRuleDefinition#parse} can name every invalid value. What the rule matches ({@code tierId},
 * {@code priority}, {@code metric}, {@code client}: absent matches any), what it fires on ({@code firesOn},
 * THRESHOLD when absent), its threshold ({@code ratio} or {@code beforeDue}, for a THRESHOLD rule), and
 * where it delivers ({@code action}, {@code target}, and a WEBHOOK's signing {@code secret}).
 */
public record EscalationRuleDocument(
        String name,
        String tierId,
        String priority,
        String metric,
        String client,
        String firesOn,
        BigDecimal ratio,
        String beforeDue,
        String action,
        String target,
        String secret) {}
