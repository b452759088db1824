package io.pledge.reporting;

import io.pledge.core.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, in a zone: a month ({@code 2026-10}), a quarter ({@code 2026-Q3}) or a custom
 * range of dates, both included. As instants it is half-open: {@code [first day's midnight, the day after
 * the last day's midnight)} in the zone, so a month with a DST change is 743 or 745 hours long.
 *
 * @param label {@code 2026-10}, {@code 2026-Q3} or {@code 2026-10-01..2026-10-15}
 */
public record ReportPeriod(Kind kind, String label, LocalDate firstDay, LocalDate lastDay) {

    /** A custom range covers at most this many days. */
    static final int MAX_DAYS = 366;

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public enum Kind {
        MONTH,
        QUARTER,
        RANGE
    }

    /**
     * Reads a period from request parameters: {@code period} alone, or {@code from} and {@code to} together.
     *
     * @throws InvalidRequestException naming the parameter that is missing or malformed
     */
    public static ReportPeriod parse(String period, String from, String to) {
        boolean range = from != null || to != null;
        if (period != null && range) {
            throw new InvalidRequestException("period", "give either period or from and to, not both");
        }
        if (period == null && !range) {
            throw new InvalidRequestException(
                    "period", "is required: a month (2026-10), a quarter (2026-Q3), or from and to dates");
        }
        if (period != null) {
            return named(period.strip());
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must not be before from (" + first + "), got " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidRequestException("to", "a range covers at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(Kind.RANGE, first + ".." + last, first, last);
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(
                Kind.QUARTER, year + "-Q" + quarter, first, first.plusMonths(3).minusDays(1));
    }

    /**
     * The period before, of the same kind: the previous month or quarter, or for a range the same number of
     * days ending the day before it starts.
     */
    public ReportPeriod previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(firstDay).minusMonths(1));
            case QUARTER -> {
                LocalDate first = firstDay.minusMonths(3);
                yield quarter(first.getYear(), first.get(IsoFields.QUARTER_OF_YEAR));
            }
            case RANGE -> {
                long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
                LocalDate last = firstDay.minusDays(1);
                LocalDate first = last.minusDays(days - 1);
                yield new ReportPeriod(Kind.RANGE, first + ".." + last, first, last);
            }
        };
    }

    /** The first instant of the period in the zone (included). */
    public Instant start(ZoneId zone) {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in the zone (excluded). */
    public Instant end(ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static ReportPeriod named(String period) {
        Matcher quarter = QUARTER.matcher(period);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        if (MONTH.matcher(period).matches()) {
            try {
                return month(YearMonth.parse(period));
            } catch (DateTimeException bad) {
                // Falls through to the message below: 2026-13 is no month.
            }
        }
        throw new InvalidRequestException(
                "period", "must be a month (2026-10) or a quarter (2026-Q3), got \"" + shorten(period) + "\"");
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required with a custom range (a date, 2026-10-01)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException bad) {
            throw new InvalidRequestException(field, "must be a date (2026-10-01), got \"" + shorten(value) + "\"");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
