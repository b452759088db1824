package io.pledge.clients;

import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a tier's policy: the SLA policy fields ({@link SlaPolicyDocument}) plus the uptime
 * target (a percentage), the availability credit schedule and what it is counted per, the response and
 * resolution credit schedule, and the cap on all credits of a period:
 *
 * <pre>{@code
 * {"targets": [...], "thresholds": [0.75, 0.9], "warnBefore": ["PT30M"], "pauseStatuses": {...},
 *  "reopenRule": "RESUME", "priorityChangeRule": "RETROACTIVE",
 *  "uptimeTarget": 99.9,
 *  "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}, {"availabilityBelow": 99, "creditPercent": 25}],
 *  "creditsPer": "SERVICE",
 *  "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5}],
 *  "creditCapPercent": 50}
 * }</pre>
 *
 * Versions saved before {@code creditsPer} and {@code ticketCredits} existed read as {@code MONITOR} and
 * no response or resolution credits.
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
        BigDecimal creditCapPercent,
        String creditsPer,
        List<TicketCreditDocument> ticketCredits) {

    /** A policy without the per setting and response and resolution credits. */
    public TierPolicyDocument(
            List<SlaPolicyDocument.TargetDocument> targets,
            List<BigDecimal> thresholds,
            List<String> warnBefore,
            Map<String, List<String>> pauseStatuses,
            String reopenRule,
            String priorityChangeRule,
            BigDecimal uptimeTarget,
            List<CreditStep> credits,
            BigDecimal creditCapPercent) {
        this(
                targets,
                thresholds,
                warnBefore,
                pauseStatuses,
                reopenRule,
                priorityChangeRule,
                uptimeTarget,
                credits,
                creditCapPercent,
                null,
                null);
    }

    /**
     * One step of the response and resolution credit schedule: {@code metric} (FIRST_RESPONSE or
     * RESOLUTION), {@code priority} (optional: absent counts the clocks of every priority), {@code metBelow}
     * and {@code creditPercent} (percentages).
     */
    public record TicketCreditDocument(String metric, String priority, BigDecimal metBelow, BigDecimal creditPercent) {}

    SlaPolicyDocument slaPart() {
        return new SlaPolicyDocument(targets, thresholds, warnBefore, pauseStatuses, reopenRule, priorityChangeRule);
    }
}
