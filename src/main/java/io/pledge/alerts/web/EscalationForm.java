package io.pledge.alerts.web;

import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.EscalationRuleDocument;
import io.pledge.core.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The escalation rule form's texts, as typed: every field of the API's rule document, the ratio as text
 * (a ratio that is no number is named as the API names a bad ratio), a blank field absent. Checking the
 * document is {@link io.pledge.alerts.EscalationRuleDefinition#parse}'s and the catalog's, through
 * {@link io.pledge.alerts.Escalations}.
 */
record EscalationForm(
        String name,
        String firesOn,
        String tierId,
        String priority,
        String metric,
        String client,
        String ratio,
        String beforeDue,
        String action,
        String target,
        String secret) {

    /** The fields the form shows, each with its errors beside it. */
    static final List<String> FIELDS = List.of(
            "name",
            "firesOn",
            "tierId",
            "priority",
            "metric",
            "client",
            "ratio",
            "beforeDue",
            "action",
            "target",
            "secret");

    static EscalationForm empty() {
        return new EscalationForm(null, "THRESHOLD", null, null, null, null, "1", null, "WEBHOOK", null, null);
    }

    /** The texts of a rule's current version; its secret is never shown again. */
    static EscalationForm of(EscalationRule rule, String clientSlug) {
        return new EscalationForm(
                rule.name(),
                rule.firesOn().name(),
                rule.tierId() == null ? null : rule.tierId().value().toString(),
                rule.priority() == null ? null : rule.priority().code(),
                rule.metric() == null ? null : rule.metric().name(),
                clientSlug,
                rule.threshold() == null || rule.threshold().ratio() == null
                        ? null
                        : rule.threshold().ratio().stripTrailingZeros().toPlainString(),
                rule.threshold() == null || rule.threshold().beforeDue() == null
                        ? null
                        : rule.threshold().beforeDue().toString(),
                rule.action().name(),
                rule.target(),
                null);
    }

    /** The API's rule document these texts stand for. */
    EscalationRuleDocument document() {
        BigDecimal parsedRatio = null;
        if (!blank(ratio)) {
            try {
                parsedRatio = new BigDecimal(ratio.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("ratio", "must be a number, got " + ratio.strip());
            }
        }
        return new EscalationRuleDocument(
                text(name),
                text(tierId),
                text(priority),
                text(metric),
                text(client),
                text(firesOn),
                parsedRatio,
                text(beforeDue),
                text(action),
                text(target),
                text(secret));
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
