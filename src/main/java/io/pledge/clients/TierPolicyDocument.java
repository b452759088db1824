package io.pledge.clients;

import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a tier's policy: the SLA policy fields ({@link SlaPolicyDocument}) plus the uptime
 * target (a percentage) and the credit schedule:
 *
 * <pre>{@code
 * {"targets": [...], "thresholds": [0.75, 0.9], "warnBefore": ["PT30M"], "pauseStatuses": {...},
 *  "reopenRule": "RESUME", "priorityChangeRule": "RETROACTIVE",
 *  "uptimeTarget": 99.9,
 *  "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}, {"availabilityBelow": 99, "creditPercent": 25}],
 *  "creditCapPercent": 50}
 * }</pre>
 */
public record TierPolicyDocument(
        List<SlaPolicyDocument.TargetDocument> targets,
        List<BigDecimal> thresholds,
        List<String> warnBefore,
        Map<String, List<String>> pauseStatuses,
        String reopenRule,
        String priorityChangeRule,
        BigDecimal uptimeTarget,
        List<CreditStep> credits,
        BigDecimal creditCapPercent) {

    SlaPolicyDocument slaPart() {
        return new SlaPolicyDocument(targets, thresholds, warnBefore, pauseStatuses, reopenRule, priorityChangeRule);
    }
}
