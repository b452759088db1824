package io.pledge.clients;

import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of one version of a tier's policy: the SLA policy, the uptime target (percent, absent
 * when the tier guarantees none), the availability credit schedule (steps by falling availability) and
 * what it is counted per, the response and resolution credit schedule (steps by falling met %), and the
 * cap on a period's credits (percent of the monthly fee, absent when the schedule names none).
 */
public record PolicyTerms(
        SlaPolicy sla,
        BigDecimal uptimeTarget,
        List<CreditStep> credits,
        BigDecimal creditCapPercent,
        CreditsPer creditsPer,
        List<TicketCreditStep> ticketCredits) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PolicyTerms {
        credits = List.copyOf(credits);
        creditsPer = creditsPer == null ? CreditsPer.MONITOR : creditsPer;
        ticketCredits = ticketCredits == null ? List.of() : List.copyOf(ticketCredits);
    }

    /** Terms with availability credits per monitor and no response or resolution credits. */
    public PolicyTerms(SlaPolicy sla, BigDecimal uptimeTarget, List<CreditStep> credits, BigDecimal creditCapPercent) {
        this(sla, uptimeTarget, credits, creditCapPercent, CreditsPer.MONITOR, List.of());
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
        CreditsPer per = violations.parseOptional(
                "creditsPer", document.creditsPer(), "credit basis (MONITOR or SERVICE)", CreditsPer::valueOf);
        List<TicketCreditStep> ticketCredits = parseTicketCredits(document.ticketCredits(), scheme, violations);
        return violations.count() > before ? null : new PolicyTerms(sla, uptime, credits, cap, per, ticketCredits);
    }

    /**
     * The response and resolution steps. Steps judging the same figure (metric and priority) go from the
     * highest met % to the lowest, and a lower step never owes less than a higher one, so a credit never
     * shrinks as compliance falls.
     */
    private static List<TicketCreditStep> parseTicketCredits(
            List<TierPolicyDocument.TicketCreditDocument> documents, PriorityScheme scheme, Violations violations) {
        List<TicketCreditStep> steps = new ArrayList<>();
        if (documents == null) {
            return steps;
        }
        List<TicketCreditStep> parsed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String field = "ticketCredits[" + i + "]";
            TierPolicyDocument.TicketCreditDocument document = documents.get(i);
            if (document == null) {
                violations.add(field, "must be an object");
                parsed.add(null);
                continue;
            }
            int before = violations.count();
            Metric metric = violations.parse(
                    field + ".metric", document.metric(), "metric (FIRST_RESPONSE or RESOLUTION)", Metric::valueOf);
            Priority priority = violations.parseOptional(
                    field + ".priority",
                    document.priority(),
                    "priority (" + scheme.describe() + ")",
                    code -> scheme.find(code).orElseThrow());
            BigDecimal metBelow = document.metBelow();
            if (metBelow == null || !isPercentage(metBelow)) {
                violations.add(field + ".metBelow", "must be a percentage above 0 and at most 100");
            }
            BigDecimal percent = document.creditPercent();
            if (percent == null || !isPercentage(percent)) {
                violations.add(field + ".creditPercent", "must be a percentage above 0 and at most 100");
            }
            TicketCreditStep step =
                    violations.count() > before ? null : new TicketCreditStep(metric, priority, metBelow, percent);
            parsed.add(step);
            if (step == null) {
                continue;
            }
            int higher = higherStep(parsed, step, i);
            if (higher >= 0) {
                TicketCreditStep previous = parsed.get(higher);
                String figure = metric + (priority == null ? " (every priority)" : " " + priority);
                if (metBelow.compareTo(previous.metBelow()) >= 0) {
                    violations.add(
                            field + ".metBelow",
                            "steps of " + figure + " must go from the highest met % to the lowest (ticketCredits["
                                    + higher + "] is at " + previous.metBelow().toPlainString() + ")");
                } else if (percent.compareTo(previous.creditPercent()) < 0) {
                    violations.add(
                            field + ".creditPercent",
                            "must not be below the credit of the higher step ticketCredits[" + higher + "] of " + figure
                                    + " (" + previous.creditPercent().toPlainString() + ")");
                }
            }
            steps.add(step);
        }
        return steps;
    }

    /** The index of the last valid step before {@code index} that judges the same figure, or -1. */
    private static int higherStep(List<TicketCreditStep> parsed, TicketCreditStep step, int index) {
        for (int j = index - 1; j >= 0; j--) {
            if (parsed.get(j) != null && parsed.get(j).sameFigureAs(step)) {
                return j;
            }
        }
        return -1;
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
                creditCapPercent,
                creditsPer.name(),
                ticketCredits.stream()
                        .map(step -> new TierPolicyDocument.TicketCreditDocument(
                                step.metric().name(),
                                step.priority() == null ? null : step.priority().code(),
                                step.metBelow(),
                                step.creditPercent()))
                        .toList());
    }

    private static boolean isPercentage(BigDecimal value) {
        return value.signum() > 0 && value.compareTo(HUNDRED) <= 0;
    }
}
