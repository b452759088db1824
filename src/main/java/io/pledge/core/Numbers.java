package io.pledge.core;

import java.math.BigDecimal;

/**
 * Decimal numbers as requests carry them (ratios, percentages, thresholds): at most
 * {@link #MAX_SCALE} decimal places and an absolute value below 10^{@value #MAX_INTEGER_DIGITS}.
 * The check reads the number's scale and precision only, so a value such as {@code 1e-999999999}
 * is refused before anything writes it out in full or turns it into an integer.
 */
public final class Numbers {

    /** Decimal places a number may have (after trailing zeros are dropped). */
    public static final int MAX_SCALE = 9;

    /** Digits a number may have before its decimal point. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public static final String RANGE =
            "at most " + MAX_SCALE + " decimal places and below 10^" + MAX_INTEGER_DIGITS + " in absolute value";

    private Numbers() {}

    public static boolean inRange(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        // Scale and precision are both ints: a scale as large as 999999999 needs no digit expansion.
        if (value.scale() > MAX_SCALE) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE) {
                return false;
            }
            value = stripped;
        }
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= MAX_INTEGER_DIGITS;
    }

    /** The number itself when it is in range. */
    public static BigDecimal check(BigDecimal value) {
        if (!inRange(value)) {
            throw new OutOfRangeException("must have " + RANGE);
        }
        return value;
    }
}
