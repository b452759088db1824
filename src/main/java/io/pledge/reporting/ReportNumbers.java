package io.pledge.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How report figures are rounded: percentages to 2 decimals, half-even. */
public final class ReportNumbers {

    private ReportNumbers() {}

    /** {@code part ÷ whole} in percent, 2 decimals; null when {@code whole} is zero. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }
}
