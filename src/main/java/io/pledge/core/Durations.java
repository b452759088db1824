package io.pledge.core;

import java.time.Duration;

/**
 * Durations as requests carry them (ISO-8601, {@code PT4H}, {@code P2D}): shorter than {@link #MAX}
 * (100 years of 365.25 days) either way, so that any sum with an instant in the range of
 * {@link Instants} or any conversion to nanoseconds stays exact.
 */
public final class Durations {

    /** The first duration past the range (excluded): 36,525 days. */
    public static final Duration MAX = Duration.ofDays(36_525);

    public static final String RANGE = "shorter than 100 years (P36525D)";

    private Durations() {}

    /**
     * Parses an ISO-8601 duration, negative or not.
     *
     * @throws java.time.format.DateTimeParseException when it is not one
     * @throws OutOfRangeException when it is 100 years or longer, either way
     */
    public static Duration parse(String text) {
        return check(Duration.parse(text));
    }

    /** Like {@link #parse} but also refuses a negative duration. */
    public static Duration parseNonNegative(String text) {
        Duration duration = parse(text);
        if (duration.isNegative()) {
            throw new OutOfRangeException("must not be negative, got " + duration);
        }
        return duration;
    }

    public static boolean inRange(Duration duration) {
        // Not abs(): the most negative duration has no positive counterpart.
        return duration.compareTo(MAX) < 0 && duration.compareTo(MAX.negated()) > 0;
    }

    /** The duration itself when it is in range. */
    public static Duration check(Duration duration) {
        if (!inRange(duration)) {
            throw new OutOfRangeException("must be " + RANGE + ", got " + duration);
        }
        return duration;
    }
}
