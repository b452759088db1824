package io.pledge.reporting.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Turns percentages of the monthly fee into amounts of the contract's currency. */
record Pricing(BigDecimal fee, Currency currency, int policyVersion) {

    static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The currency's minor unit; a currency without one (gold, test codes) counts in whole units. */
    int fractionDigits() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** {@code fee × percent ÷ 100}, rounded half-even to the currency's fraction digits. */
    BigDecimal amount(BigDecimal percent) {
        return fee.multiply(percent).divide(HUNDRED).setScale(fractionDigits(), ROUNDING);
    }

    BigDecimal zero() {
        return BigDecimal.ZERO.setScale(fractionDigits());
    }
}
