package io.pledge.alerts;

import io.pledge.clients.ClientId;
import io.pledge.clients.TierId;
import io.pledge.core.Durations;
import io.pledge.core.HttpUrls;
import io.pledge.core.Numbers;
import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Threshold;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A validated escalation rule, before what only the stored catalog can tell (whether its tier, team and
 * client exist, whether a policy warns at its lead) is checked: what it matches ({@code tier},
 * {@code priority}, {@code metric}, and the {@code client} reference, an id or a slug; null matches any),
 * what it fires on, its threshold (THRESHOLD rules only), its action and the target in its stored form.
 */
public record EscalationRuleDefinition(
        String name,
        TierId tier,
        Priority priority,
        Metric metric,
        String client,
        EscalationRule.FiresOn firesOn,
        Threshold threshold,
        EscalationRule.Action action,
        String target,
        String secret) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TARGET_LENGTH = 2000;

    /**
     * Validates a rule document.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     */
    public static EscalationRuleDefinition parse(EscalationRuleDocument document, PriorityScheme priorities) {
        Violations violations = new Violations();
        EscalationRuleDefinition definition = parse(document, priorities, violations);
        violations.throwIfAny();
        return definition;
    }

    /** Validates a rule document, recording violations; null when invalid. */
    public static EscalationRuleDefinition parse(
            EscalationRuleDocument document, PriorityScheme priorities, Violations violations) {
        int before = violations.count();
        String name = violations.text("name", document.name(), MAX_NAME_LENGTH);
        TierId tier = violations.parseOptional(
                "tierId", document.tierId(), "tier id", text -> new TierId(UUID.fromString(text)));
        Priority priority = violations.parseOptional(
                "priority",
                document.priority(),
                "priority (" + priorities.describe() + ")",
                text -> priorities.find(text.strip().toUpperCase(Locale.ROOT)).orElseThrow());
        Metric metric = violations.parseOptional(
                "metric",
                document.metric(),
                "metric (FIRST_RESPONSE or RESOLUTION)",
                text -> Metric.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        EscalationRule.FiresOn firesOn = document.firesOn() == null
                ? EscalationRule.FiresOn.THRESHOLD
                : violations.parse(
                        "firesOn",
                        document.firesOn(),
                        "event (THRESHOLD, MONITOR_DOWN, MONITOR_UP, BUDGET_BURNING or BUDGET_RECOVERED)",
                        text -> EscalationRule.FiresOn.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        Threshold threshold = null;
        if (firesOn == EscalationRule.FiresOn.THRESHOLD) {
            threshold = threshold(document, violations);
        } else if (firesOn != null) {
            // A monitor's change has no tier, priority, metric or threshold to match.
            notForMonitors(violations, "tierId", document.tierId());
            notForMonitors(violations, "priority", document.priority());
            notForMonitors(violations, "metric", document.metric());
            notForMonitors(violations, "ratio", document.ratio());
            notForMonitors(violations, "beforeDue", document.beforeDue());
        }
        EscalationRule.Action action = violations.parse(
                "action",
                document.action(),
                "action (WEBHOOK, CHAT, MAIL, REASSIGN or RAISE_PRIORITY)",
                text -> EscalationRule.Action.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        String target = violations.text("target", document.target(), MAX_TARGET_LENGTH);
        if (target != null && action != null) {
            if (firesOn != null && firesOn.isMonitorEvent() && action.actsOnTicket()) {
                violations.add("action", action + " acts on a ticket; a monitor rule can WEBHOOK, CHAT or MAIL");
            } else {
                target = target(action, target, firesOn, threshold, priorities, violations);
            }
        }
        if (violations.count() > before) {
            return null;
        }
        return new EscalationRuleDefinition(
                name, tier, priority, metric, document.client(), firesOn, threshold, action, target, document.secret());
    }

    /** The team a REASSIGN rule assigns to; null for any other action. */
    public UUID team() {
        return action == EscalationRule.Action.REASSIGN ? UUID.fromString(target) : null;
    }

    /** The lead before due of its threshold; null when it has none. */
    public Duration beforeDue() {
        return threshold == null ? null : threshold.beforeDue();
    }

    /** The rule to save under {@code id}, matching {@code client} (null: any), signed with {@code secret}. */
    public EscalationRule rule(UUID id, ClientId client, String secret) {
        return new EscalationRule(
                id, 0, name, tier, priority, metric, client, firesOn, threshold, action, target, secret, true, null);
    }

    private static Threshold threshold(EscalationRuleDocument document, Violations violations) {
        if ((document.ratio() == null) == (document.beforeDue() == null)) {
            violations.add(
                    document.ratio() == null ? "ratio" : "beforeDue",
                    "give either ratio (a fraction of the target: 0.75, 0.9, 1 for the breach) or beforeDue (business"
                            + " time before due, e.g. PT30M)");
            return null;
        }
        BigDecimal ratio = document.ratio();
        if (ratio != null) {
            if (!Numbers.inRange(ratio)) {
                violations.add("ratio", "must have " + Numbers.RANGE);
                return null;
            }
            if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                violations.add("ratio", "must be above 0 and at most 1, got " + ratio);
                return null;
            }
            return Threshold.ratio(ratio);
        }
        Duration lead = violations.parse(
                "beforeDue", document.beforeDue(), "business-time duration (ISO-8601, e.g. PT30M)", Durations::parse);
        if (lead != null && (lead.isNegative() || lead.isZero())) {
            violations.add("beforeDue", "must be a positive duration, got " + document.beforeDue());
            return null;
        }
        return lead == null ? null : Threshold.beforeDue(lead);
    }

    private static void notForMonitors(Violations violations, String field, Object value) {
        if (value != null) {
            violations.add(field, "does not apply to a rule firing on a monitor event");
        }
    }

    /** The target in its stored form, checked for what the action needs. */
    private static String target(
            EscalationRule.Action action,
            String target,
            EscalationRule.FiresOn firesOn,
            Threshold threshold,
            PriorityScheme priorities,
            Violations violations) {
        switch (action) {
            case WEBHOOK, CHAT -> {
                String problem = HttpUrls.problem(target.strip());
                if (problem != null) {
                    violations.add("target", problem);
                }
                return target.strip();
            }
            case MAIL -> {
                List<String> recipients = MailRecipients.parse(target);
                if (recipients.isEmpty()) {
                    violations.add("target", "names no recipient");
                }
                boolean breach = threshold != null && threshold.isBreach();
                for (String recipient : recipients) {
                    String problem = firesOn != null && firesOn.isMonitorEvent()
                            ? MailRecipients.problemForMonitors(recipient)
                            : MailRecipients.problem(recipient, breach);
                    if (problem != null) {
                        violations.add("target", problem);
                    }
                }
                return String.join(",", recipients);
            }
            case REASSIGN -> {
                try {
                    return UUID.fromString(target.strip()).toString();
                } catch (IllegalArgumentException e) {
                    violations.add("target", "must be the id of the team to assign to, got " + target);
                    return target;
                }
            }
            case RAISE_PRIORITY -> {
                return priorities
                        .find(target.strip().toUpperCase(Locale.ROOT))
                        .map(Priority::code)
                        .orElseGet(() -> {
                            violations.add(
                                    "target",
                                    "must be the priority to raise to (" + priorities.describe() + "), got " + target);
                            return target;
                        });
            }
        }
        return target;
    }
}
