package io.pledge.reporting.credits;

import io.pledge.clients.TierId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * The credits a period owes, line by line, and their capped total. Every amount is in {@code currency},
 * rounded with {@code rounding} to {@code fractionDigits}; each line is rounded on its own and the lines
 * add up to {@code owedBeforeCap} exactly.
 *
 * @param capPercent the policy's cap, or 100 when it names none (a period never owes more than its fee)
 * @param cap {@code monthlyFee × capPercent ÷ 100}, rounded like the lines
 * @param capped whether the lines added up to more than the cap, so that the total is the cap
 * @param total what is owed: the lesser of {@code owedBeforeCap} and {@code cap}
 * @param notCovered monitors left out because the service they watch is outside the contract's scope
 */
public record CreditStatement(
        TierId tier,
        int policyVersion,
        BigDecimal monthlyFee,
        Currency currency,
        int fractionDigits,
        RoundingMode rounding,
        List<CreditLine> lines,
        BigDecimal owedBeforeCap,
        BigDecimal capPercent,
        BigDecimal cap,
        boolean capped,
        BigDecimal total,
        List<String> notCovered) {

    public CreditStatement {
        lines = List.copyOf(lines);
        notCovered = List.copyOf(notCovered);
    }
}
