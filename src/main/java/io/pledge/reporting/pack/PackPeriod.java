package io.pledge.reporting.pack;

import io.pledge.core.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a pack covers in the client's zone: a month ({@code 2026-10}) or a quarter ({@code 2026-Q3}).
 *
 * @param label the canonical text, which also keys the period's notes
 */
public record PackPeriod(String label, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** @throws InvalidRequestException naming {@code period} when it is missing or malformed */
    public static PackPeriod parse(String period) {
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("period", "is required: a month (2026-10) or a quarter (2026-Q3)");
        }
        String text = period.strip();
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            LocalDate first = LocalDate.of(
                    Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
            return new PackPeriod(text, first, first.plusMonths(3).minusDays(1));
        }
        if (MONTH.matcher(text).matches()) {
            try {
                YearMonth month = YearMonth.parse(text);
                return new PackPeriod(text, month.atDay(1), month.atEndOfMonth());
            } catch (DateTimeException notAMonth) {
                // 2026-13: refused below like any other text.
            }
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        throw new InvalidRequestException(
                "period", "must be a month (2026-10) or a quarter (2026-Q3), got \"" + shown + "\"");
    }
}
