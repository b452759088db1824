package io.pledge.calendar;

import io.pledge.core.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline promised in business days (ADR 0040): "next business day by 17:00", "3 business days"
 * (at the time of day the clock started, or at the close of the third business day), "end of business
 * day". A business day is a local date of the calendar with business hours.
 *
 * <p>The deadline of a start instant {@code s}, in the calendar's zone:
 *
 * <ul>
 *   <li>The <em>starting business day</em> is the date of {@code nextOpen(s)}: the date of {@code s}
 *       when the calendar is open at {@code s}, otherwise the date of the next opening. So a clock
 *       started before the opening counts from that day's opening, one started at or after the close, on
 *       a holiday or a weekend from the next business day's opening.
 *   <li>{@code END_OF_BUSINESS_DAY}: the close of the starting business day.
 *   <li>{@code NEXT_BUSINESS_DAY} by {@code HH:MM}: that local time on the first business day after
 *       the starting one.
 *   <li>{@code BUSINESS_DAYS} N: on the Nth business day after the starting one, either at the local
 *       time of {@code nextOpen(s)} ({@code TIME_OF_DAY}) or at that day's close ({@code CLOSE}).
 * </ul>
 *
 * A local time that does not exist (a daylight-saving gap) moves later by the gap, an ambiguous one
 * takes the earlier offset, as everywhere in calendars. The <em>budget</em> is the business time
 * between {@code s} and that local deadline; the deadline returned is the first instant at which the
 * budget is used up, {@code add(s, budget)}: the local deadline itself when the calendar is open then,
 * otherwise the last close before it (the same business time).
 *
 * @param days the N of {@code BUSINESS_DAYS}, 0 for the other kinds
 * @param ending how {@code BUSINESS_DAYS} ends, null for the other kinds
 * @param by the local time of {@code NEXT_BUSINESS_DAY}, null for the other kinds
 */
public record BusinessDayRule(Kind kind, int days, Ending ending, LocalTime by) {

    /** Most business days a rule may count: about four years of five-day weeks. */
    public static final int MAX_DAYS = 1000;

    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern WORDS = Pattern.compile("next business day by (?<by>([01][0-9]|2[0-3]):[0-5][0-9])"
            + "|(?<days>[0-9]{1,4}) business days?(?<close>, at close of business)?"
            + "|end of business day");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public enum Kind {
        NEXT_BUSINESS_DAY,
        BUSINESS_DAYS,
        END_OF_BUSINESS_DAY
    }

    public enum Ending {
        /** At the local time of day the clock started (its next opening when it started closed). */
        TIME_OF_DAY,
        /** At the close of business of the Nth business day. */
        CLOSE
    }

    /** The JSON form: {@code {"kind": "BUSINESS_DAYS", "days": 3, "ending": "CLOSE"}}. */
    public record Document(String kind, Integer days, String ending, String by) {}

    public BusinessDayRule {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case NEXT_BUSINESS_DAY -> {
                Objects.requireNonNull(by, "by");
                if (by.getSecond() != 0 || by.getNano() != 0 || days != 0 || ending != null) {
                    throw new IllegalArgumentException("next business day takes a time of day in whole minutes only");
                }
            }
            case BUSINESS_DAYS -> {
                Objects.requireNonNull(ending, "ending");
                if (days < 1 || days > MAX_DAYS || by != null) {
                    throw new IllegalArgumentException("business days take a count from 1 to " + MAX_DAYS + " only");
                }
            }
            case END_OF_BUSINESS_DAY -> {
                if (days != 0 || ending != null || by != null) {
                    throw new IllegalArgumentException("end of business day takes no parameter");
                }
            }
        }
    }

    public static BusinessDayRule nextBusinessDayBy(LocalTime by) {
        return new BusinessDayRule(Kind.NEXT_BUSINESS_DAY, 0, null, by);
    }

    public static BusinessDayRule businessDays(int days, Ending ending) {
        return new BusinessDayRule(Kind.BUSINESS_DAYS, days, ending, null);
    }

    public static BusinessDayRule endOfBusinessDay() {
        return new BusinessDayRule(Kind.END_OF_BUSINESS_DAY, 0, null, null);
    }

    /**
     * Validates a document, recording violations under {@code field} ({@code field.kind},
     * {@code field.days}, {@code field.ending}, {@code field.by}); null when invalid.
     */
    public static BusinessDayRule parse(Document document, String field, Violations violations) {
        if (document == null) {
            violations.add(field, "is required");
            return null;
        }
        int before = violations.count();
        Kind kind = violations.parse(
                field + ".kind",
                document.kind(),
                "kind (NEXT_BUSINESS_DAY, BUSINESS_DAYS or END_OF_BUSINESS_DAY)",
                Kind::valueOf);
        if (kind == null) {
            return null;
        }
        Integer days = document.days();
        LocalTime by = null;
        Ending ending = null;
        if (kind == Kind.BUSINESS_DAYS) {
            if (days == null) {
                violations.add(field + ".days", "is required");
            } else if (days < 1 || days > MAX_DAYS) {
                violations.add(field + ".days", "must be from 1 to " + MAX_DAYS + " business days, got " + days);
            }
            ending = violations.parse(
                    field + ".ending", document.ending(), "ending (TIME_OF_DAY or CLOSE)", Ending::valueOf);
        } else {
            unused(field + ".days", document.days(), kind, violations);
            unused(field + ".ending", document.ending(), kind, violations);
        }
        if (kind == Kind.NEXT_BUSINESS_DAY) {
            by = violations.parse(field + ".by", document.by(), "time of day HH:MM from 00:00 to 23:59", text -> {
                if (!TIME_OF_DAY.matcher(text).matches()) {
                    throw new IllegalArgumentException(text);
                }
                return LocalTime.parse(text);
            });
        } else {
            unused(field + ".by", document.by(), kind, violations);
        }
        if (violations.count() > before) {
            return null;
        }
        return new BusinessDayRule(kind, kind == Kind.BUSINESS_DAYS ? days : 0, ending, by);
    }

    private static void unused(String field, Object value, Kind kind, Violations violations) {
        if (value != null) {
            violations.add(field, "is not used by " + kind);
        }
    }

    public Document toDocument() {
        return new Document(
                kind.name(),
                kind == Kind.BUSINESS_DAYS ? days : null,
                ending == null ? null : ending.name(),
                by == null ? null : by.format(HH_MM));
    }

    /**
     * The deadline of a clock started at {@code start}: the first instant at which {@link #budget} is
     * used up (see the class comment).
     *
     * @throws CalendarRangeException when the calendar has no business day to reach within its span
     */
    public Instant deadline(BusinessCalendar calendar, Instant start) {
        return calendar.add(start, budget(calendar, start));
    }

    /**
     * The business time from {@code start} to the local deadline, always positive.
     *
     * @throws CalendarRangeException when the calendar has no business day to reach within its span
     */
    public Duration budget(BusinessCalendar calendar, Instant start) {
        return calendar.between(start, localDeadline(calendar, start));
    }

    /** The deadline as the rule states it, before it is brought back to the last business instant. */
    public Instant localDeadline(BusinessCalendar calendar, Instant start) {
        ZoneId zone = calendar.definition().zone();
        Instant opening = calendar.nextOpen(start)
                .orElseThrow(() -> new CalendarRangeException("no business hours follow " + start));
        ZonedDateTime local = opening.atZone(zone);
        LocalDate day = local.toLocalDate();
        return switch (kind) {
            case END_OF_BUSINESS_DAY -> close(calendar, day);
            case NEXT_BUSINESS_DAY ->
                ZonedDateTime.of(businessDayAfter(calendar, day, 1), by, zone).toInstant();
            case BUSINESS_DAYS -> {
                LocalDate nth = businessDayAfter(calendar, day, days);
                yield ending == Ending.CLOSE
                        ? close(calendar, nth)
                        : ZonedDateTime.of(nth, local.toLocalTime(), zone).toInstant();
            }
        };
    }

    /** The rule in words, as policies and reports show it: "next business day by 17:00". */
    public String describe() {
        return switch (kind) {
            case NEXT_BUSINESS_DAY -> "next business day by " + by.format(HH_MM);
            case END_OF_BUSINESS_DAY -> "end of business day";
            case BUSINESS_DAYS ->
                (days == 1 ? "1 business day" : days + " business days")
                        + (ending == Ending.CLOSE ? ", at close of business" : "");
        };
    }

    /**
     * The rule {@link #describe()} writes, read back (case and surrounding spaces aside): "next business day
     * by 17:00", "3 business days", "3 business days, at close of business", "end of business day".
     */
    public static Optional<BusinessDayRule> ofWords(String words) {
        if (words == null) {
            return Optional.empty();
        }
        Matcher matcher = WORDS.matcher(words.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            if (matcher.group("by") != null) {
                return Optional.of(nextBusinessDayBy(LocalTime.parse(matcher.group("by"))));
            }
            if (matcher.group("days") != null) {
                return Optional.of(businessDays(
                        Integer.parseInt(matcher.group("days")),
                        matcher.group("close") != null ? Ending.CLOSE : Ending.TIME_OF_DAY));
            }
            return Optional.of(endOfBusinessDay());
        } catch (RuntimeException outOfRange) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private static LocalDate businessDayAfter(BusinessCalendar calendar, LocalDate day, int count) {
        LocalDate date = day;
        int left = count;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.isAfter(CalendarDefinition.LAST_DATE)) {
                throw new CalendarRangeException("no " + count + " business days follow " + day + " in the calendar");
            }
            if (calendar.isBusinessDay(date)) {
                left--;
            }
        }
        return date;
    }

    private static Instant close(BusinessCalendar calendar, LocalDate day) {
        return calendar.closeOfBusiness(day)
                .orElseThrow(() -> new IllegalStateException(day + " was found open but has no close"));
    }
}
