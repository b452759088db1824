package io.pledge.reporting.credits;

import io.pledge.clients.CreditStep;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TicketCreditStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps that judge one figure, in the order the policy lists them (from the highest level down). */
record Schedule(List<ScheduleStep> steps) {

    Schedule {
        steps = List.copyOf(steps);
    }

    static Schedule availability(PolicyTerms terms) {
        List<ScheduleStep> steps = new ArrayList<>();
        List<CreditStep> credits = terms.credits();
        for (int i = 0; i < credits.size(); i++) {
            steps.add(new ScheduleStep(
                    "credits[" + i + "]",
                    credits.get(i).availabilityBelow(),
                    credits.get(i).creditPercent()));
        }
        return new Schedule(steps);
    }

    /** The response and resolution schedules, one per figure, in the order the policy first names each. */
    static Map<CreditSubject.Tickets, Schedule> tickets(PolicyTerms terms) {
        Map<CreditSubject.Tickets, List<ScheduleStep>> steps = new LinkedHashMap<>();
        List<TicketCreditStep> credits = terms.ticketCredits();
        for (int i = 0; i < credits.size(); i++) {
            TicketCreditStep step = credits.get(i);
            steps.computeIfAbsent(
                            new CreditSubject.Tickets(step.metric(), step.priority()), subject -> new ArrayList<>())
                    .add(new ScheduleStep("ticketCredits[" + i + "]", step.metBelow(), step.creditPercent()));
        }
        Map<CreditSubject.Tickets, Schedule> schedules = new LinkedHashMap<>();
        steps.forEach((subject, list) -> schedules.put(subject, new Schedule(list)));
        return schedules;
    }

    /** The step with the lowest level that {@code figure} is below, if any. */
    Optional<ScheduleStep> deepestHit(BigDecimal figure) {
        ScheduleStep deepest = null;
        for (ScheduleStep step : steps) {
            if (step.hitBy(figure) && (deepest == null || step.below().compareTo(deepest.below()) < 0)) {
                deepest = step;
            }
        }
        return Optional.ofNullable(deepest);
    }

    /**
     * The percentage owed at {@code figure}: the highest credit among the steps it is below, so that a
     * schedule whose lower step owes less (which older policy versions do not forbid) never makes a credit
     * shrink as the figure falls.
     */
    BigDecimal percentOwed(BigDecimal figure) {
        BigDecimal owed = null;
        for (ScheduleStep step : steps) {
            if (step.hitBy(figure) && (owed == null || step.creditPercent().compareTo(owed) > 0)) {
                owed = step.creditPercent();
            }
        }
        return owed;
    }

    /** The highest level {@code figure} is not yet below: where a further step starts. */
    Optional<ScheduleStep> nextLevel(BigDecimal figure) {
        ScheduleStep next = null;
        for (ScheduleStep step : steps) {
            if (!step.hitBy(figure) && (next == null || step.below().compareTo(next.below()) > 0)) {
                next = step;
            }
        }
        return Optional.ofNullable(next);
    }
}
