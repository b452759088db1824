package io.pledge.reporting.credits;

import io.pledge.clients.PolicyTerms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices a period's service credits (docs/adr/0031). Pure functions of their inputs.
 *
 * <ul>
 *   <li>A figure hits a step when it is strictly below the step's level: availability exactly at 99.9 is
 *       not below 99.9. Figures are compared as stated: availability and met % in percent, rounded
 *       half-even to 6 decimals.
 *   <li>Availability lines follow the policy's {@code credits} steps, one per monitor or one per covered
 *       service (its worst monitor) as {@code creditsPer} says; response and resolution lines follow
 *       {@code ticketCredits}, one per metric and priority (or every priority) the schedule names.
 *   <li>A line owes {@code fee × creditPercent ÷ 100}, rounded half-even to the currency's fraction
 *       digits; the total is the sum of the lines, capped at {@code creditCapPercent} of the fee (100 %
 *       when the policy names no cap).
 * </ul>
 */
public final class ServiceCredits {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ServiceCredits() {}

    /** What the period owes, line by line, with evidence, exclusions and the cap. */
    public static CreditStatement compute(CreditInputs inputs) {
        Pricing pricing = pricing(inputs);
        PolicyTerms terms = inputs.policy().terms();
        List<String> notCovered = new ArrayList<>();
        List<CreditLine> lines = new ArrayList<>();
        Schedule availability = Schedule.availability(terms);
        for (AvailabilityCredits.Group group : AvailabilityCredits.groups(inputs, notCovered)) {
            AvailabilityCredits.line(group, availability, pricing).ifPresent(lines::add);
        }
        for (Map.Entry<CreditSubject.Tickets, Schedule> schedule :
                Schedule.tickets(terms).entrySet()) {
            TicketCredits.Tally tally = TicketCredits.Tally.of(schedule.getKey(), inputs.met());
            TicketCredits.line(tally, schedule.getValue(), pricing).ifPresent(lines::add);
        }
        BigDecimal owed = pricing.zero();
        for (CreditLine line : lines) {
            owed = owed.add(line.amount());
        }
        BigDecimal capPercent = terms.creditCapPercent() == null ? HUNDRED : terms.creditCapPercent();
        BigDecimal cap = pricing.amount(capPercent);
        boolean capped = owed.compareTo(cap) > 0;
        return new CreditStatement(
                inputs.policy().tier(),
                inputs.policy().version(),
                inputs.contract().monthlyFee(),
                inputs.contract().currency(),
                pricing.fractionDigits(),
                Pricing.ROUNDING,
                lines,
                owed,
                capPercent,
                cap,
                capped,
                capped ? cap : owed,
                notCovered);
    }

    /**
     * The credit at risk in the current period. Pass the monitors' figures over the whole period (its full
     * measured length, every maintenance window planned in it, the downtime so far) and the clocks as they
     * stand; the open clocks are stopped as they stand ({@link CreditInputs#projected()}).
     */
    public static CreditForecast forecast(CreditInputs inputs) {
        CreditInputs projected = inputs.projected();
        PolicyTerms terms = projected.policy().terms();
        List<CreditForecast.DowntimeHeadroom> downtime = new ArrayList<>();
        Schedule availability = Schedule.availability(terms);
        if (!availability.steps().isEmpty()) {
            for (AvailabilityCredits.Group group : AvailabilityCredits.groups(projected, new ArrayList<>())) {
                downtime.add(AvailabilityCredits.headroom(group, availability));
            }
        }
        List<CreditForecast.BreachHeadroom> breaches = new ArrayList<>();
        for (Map.Entry<CreditSubject.Tickets, Schedule> schedule :
                Schedule.tickets(terms).entrySet()) {
            TicketCredits.Tally tally = TicketCredits.Tally.of(schedule.getKey(), projected.met());
            breaches.add(TicketCredits.headroom(tally, schedule.getValue()));
        }
        return new CreditForecast(compute(projected), downtime, breaches);
    }

    private static Pricing pricing(CreditInputs inputs) {
        return new Pricing(
                inputs.contract().monthlyFee(),
                inputs.contract().currency(),
                inputs.policy().version());
    }
}
