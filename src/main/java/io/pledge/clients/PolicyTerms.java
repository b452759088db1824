package io.pledge.clients;

import io.pledge.core.Violations;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.util.List;

/**
 * The content of one version of a tier's policy: the SLA policy, the uptime target (percent, absent
 * when the tier guarantees none), the credit schedule (steps by falling availability) and its cap.
 */
public record PolicyTerms(
        SlaPolicy sla, BigDecimal uptimeTarget, List<CreditStep> credits, BigDecimal creditCapPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PolicyTerms {
        credits = List.copyOf(credits);
    }

    /**
     * Validates a policy document.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     */
    public static PolicyTerms parse(TierPolicyDocument document, PriorityScheme scheme) {
        Violations violations = new Violations();
        PolicyTerms terms = parse(document, scheme, violations);
        violations.throwIfAny();
        return terms;
    }

    /** Validates a policy document, recording violations; null when invalid. */
    public static PolicyTerms parse(TierPolicyDocument document, PriorityScheme scheme, Violations violations) {
        int before = violations.count();
        SlaPolicy sla = SlaPolicy.parse(document.slaPart(), scheme, violations);
        BigDecimal uptime = document.uptimeTarget();
        if (uptime != null && !isPercentage(uptime)) {
            violations.add("uptimeTarget", "must be a percentage above 0 and at most 100, got " + uptime);
        }
        List<CreditStep> credits = document.credits() == null ? List.of() : document.credits();
        for (int i = 0; i < credits.size(); i++) {
            String field = "credits[" + i + "]";
            CreditStep step = credits.get(i);
            if (step == null) {
                violations.add(field, "must be an object");
                continue;
            }
            if (step.availabilityBelow() == null || !isPercentage(step.availabilityBelow())) {
                violations.add(field + ".availabilityBelow", "must be a percentage above 0 and at most 100");
            } else if (i > 0
                    && credits.get(i - 1) != null
                    && credits.get(i - 1).availabilityBelow() != null
                    && step.availabilityBelow().compareTo(credits.get(i - 1).availabilityBelow()) >= 0) {
                violations.add(
                        field + ".availabilityBelow", "steps must go from the highest availability to the lowest");
            }
            if (step.creditPercent() == null || !isPercentage(step.creditPercent())) {
                violations.add(field + ".creditPercent", "must be a percentage above 0 and at most 100");
            }
        }
        BigDecimal cap = document.creditCapPercent();
        if (cap != null && !isPercentage(cap)) {
            violations.add("creditCapPercent", "must be a percentage above 0 and at most 100, got " + cap);
        }
        return violations.count() > before ? null : new PolicyTerms(sla, uptime, credits, cap);
    }

    public TierPolicyDocument toDocument() {
        SlaPolicyDocument slaDocument = sla.toDocument();
        return new TierPolicyDocument(
                slaDocument.targets(),
                slaDocument.thresholds(),
                slaDocument.warnBefore(),
                slaDocument.pauseStatuses(),
                slaDocument.reopenRule(),
                slaDocument.priorityChangeRule(),
                uptimeTarget,
                credits,
                creditCapPercent);
    }

    private static boolean isPercentage(BigDecimal value) {
        return value.signum() > 0 && value.compareTo(HUNDRED) <= 0;
    }
}
