package io.pledge.reporting.credits;

import java.math.BigDecimal;
import java.util.List;

/**
 * One credit owed, with what it rests on.
 *
 * @param figure the availability or met % that priced it (a percentage, as stated)
 * @param step the deepest step of the schedule the figure is below
 * @param creditPercent the percentage of the fee owed: the step's, or a higher step's when that one owes more
 * @param amount {@code fee × creditPercent ÷ 100} in the contract's currency, rounded half-even to its
 *     fraction digits
 * @param evidence the downtime intervals (availability) or breached clocks (response and resolution)
 * @param exclusions what was not counted against the MSP
 * @param policyVersion the tier policy version whose schedule priced it
 */
public record CreditLine(
        CreditSubject subject,
        BigDecimal figure,
        ScheduleStep step,
        BigDecimal creditPercent,
        BigDecimal amount,
        List<String> evidence,
        List<Exclusion> exclusions,
        int policyVersion) {

    public CreditLine {
        evidence = List.copyOf(evidence);
        exclusions = List.copyOf(exclusions);
    }
}
