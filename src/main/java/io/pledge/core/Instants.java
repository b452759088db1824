package io.pledge.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Instants as requests carry them: ISO-8601 with an offset ({@code Z}, {@code +01:00}), from
 * {@link #MIN} (1970-01-01T00:00:00Z) included to {@link #MAX} (2200-01-01T00:00:00Z) excluded.
 * Nothing Pledge tracks lies outside that range, and every computation on an instant inside it
 * (business time, availability, database timestamps) stays far from any overflow; dates have the
 * same range.
 */
public final class Instants {

    /** The first instant a request may carry. */
    public static final Instant MIN = Instant.EPOCH;

    /** The first instant past the range: requests carry instants before it. */
    public static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");

    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);

    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    public static final String RANGE = "from 1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z (exclusive)";

    public static final String WHAT = "instant (ISO-8601 with offset, such as 2026-03-27T16:00:00Z, " + RANGE + ")";

    public static final String DATE_WHAT = "date (YYYY-MM-DD, from 1970-01-01 to 2199-12-31)";

    private Instants() {}

    /**
     * Parses an ISO-8601 instant with offset.
     *
     * @throws java.time.format.DateTimeParseException when it is not one
     * @throws OutOfRangeException when it lies outside {@code [MIN, MAX)}
     */
    public static Instant parse(String text) {
        return check(OffsetDateTime.parse(text).toInstant());
    }

    /** Parses an ISO-8601 date ({@code 2026-03-27}) from {@link #FIRST_DATE} to {@link #LAST_DATE}. */
    public static LocalDate parseDate(String text) {
        return checkDate(LocalDate.parse(text));
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && instant.isBefore(MAX);
    }

    /** The instant itself when it is in range. */
    public static Instant check(Instant instant) {
        if (!inRange(instant)) {
            throw new OutOfRangeException("must be " + RANGE + ", got " + instant);
        }
        return instant;
    }

    /** The date itself when it is in range. */
    public static LocalDate checkDate(LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new OutOfRangeException("must be from 1970-01-01 to 2199-12-31, got " + date);
        }
        return date;
    }
}
