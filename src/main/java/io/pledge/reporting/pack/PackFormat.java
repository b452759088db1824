package io.pledge.reporting.pack;

import io.pledge.reporting.pack.QbrPack.Headline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The one formatter of the QBR pack: numbers, percentages, money, dates and business time in the
 * reader's language and the client's zone. Templates and charts call it and never format by themselves.
 * Unit placement comes from the message bundle ({@code format.*}), so that French reads
 * {@code 99,95 %}, {@code 1 234,50 €} and {@code 3 h 20 min} with no-break spaces.
 */
public final class PackFormat {

    /** Printed where a figure does not exist (no clock stopped, no previous period). */
    public static final String NONE = "\u2013";

    private static final char NO_BREAK_SPACE = '\u00a0';

    private final Locale locale;
    private final ZoneId zone;
    private final MessageSource messages;
    private final DecimalFormatSymbols symbols;

    public PackFormat(Locale locale, ZoneId zone, MessageSource messages) {
        this.locale = locale;
        this.zone = zone;
        this.messages = messages;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        // Whatever space the JDK's locale data groups digits with, it must not break across lines.
        if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
            symbols.setGroupingSeparator(NO_BREAK_SPACE);
        }
        this.symbols = symbols;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A message of the reporting bundle in the reader's language. */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /**
     * A percentage (0–100) with at most two decimals, rounded down so that 99.999 never reads as 100.
     */
    public String percent(BigDecimal percent) {
        if (percent == null) {
            return NONE;
        }
        return message("format.percent", number(percent, "#,##0.##", RoundingMode.DOWN));
    }

    /** A change of a percentage, in points, with its sign. */
    public String percentPoints(BigDecimal points) {
        if (points == null) {
            return NONE;
        }
        return message("format.points", signed(points, "#,##0.##"));
    }

    public String count(long count) {
        return number(BigDecimal.valueOf(count), "#,##0", RoundingMode.UNNECESSARY);
    }

    /** An amount of money in the contract's currency, with the currency's decimals. */
    public String money(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return NONE;
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        String pattern = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        return message("format.money", number(amount, pattern, RoundingMode.HALF_EVEN), currency.getSymbol(locale));
    }

    /**
     * A duration to the second ({@code 13 min 13 s}): for the downtime that moves a credit to its next step,
     * where a second less would not.
     */
    public String durationToTheSecond(Duration duration) {
        if (duration == null || duration.isNegative() || duration.toMinutes() == 0 || duration.toSecondsPart() == 0) {
            return duration(duration);
        }
        return message("format.and-seconds", duration(duration), duration.toSecondsPart());
    }

    /** Business time as hours and minutes ({@code 3 h 20 min}); seconds only under a minute. */
    public String duration(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        if (duration.isNegative()) {
            return "\u2212" + duration(duration.negated());
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0 && minutes == 0) {
            return message("format.seconds", duration.toSecondsPart());
        }
        if (hours == 0) {
            return message("format.minutes", minutes);
        }
        if (minutes == 0) {
            return message("format.hours", count(hours));
        }
        return message("format.hours-minutes", count(hours), minutes);
    }

    public String date(LocalDate date) {
        return date == null
                ? NONE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    /** A short date, as a table shows it. */
    public String shortDate(LocalDate date) {
        return date == null
                ? NONE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** An instant as a date and a time of day in the client's zone. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant);
    }

    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month);
    }

    /** The period as the cover and every page header name it. */
    public String period(LocalDate from, LocalDate to) {
        return message("format.period", date(from), date(to));
    }

    /** A headline figure in its unit. */
    public String headline(Headline headline, BigDecimal value, Currency currency) {
        if (value == null) {
            return NONE;
        }
        return switch (headline.measure().unit()) {
            case PERCENT -> percent(value);
            case COUNT -> count(value.longValueExact());
            case DURATION -> duration(Duration.ofSeconds(value.longValue()));
            case MONEY -> money(value, currency);
        };
    }

    /** A headline's change against the previous period, in its unit, with its sign. */
    public String change(Headline headline, Currency currency) {
        BigDecimal change = headline.change();
        if (change == null) {
            return NONE;
        }
        return switch (headline.measure().unit()) {
            case PERCENT -> percentPoints(change);
            case COUNT -> signed(change, "#,##0");
            case DURATION ->
                (change.signum() < 0 ? "\u2212" : "+")
                        + duration(Duration.ofSeconds(change.abs().longValue()));
            case MONEY -> (change.signum() < 0 ? "\u2212" : "+") + money(change.abs(), currency);
        };
    }

    private String signed(BigDecimal value, String pattern) {
        String digits = number(value.abs(), pattern, RoundingMode.HALF_EVEN);
        return switch (value.signum()) {
            case 1 -> "+" + digits;
            case -1 -> "\u2212" + digits;
            default -> digits;
        };
    }

    private String number(BigDecimal value, String pattern, RoundingMode rounding) {
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(rounding == RoundingMode.UNNECESSARY ? RoundingMode.HALF_EVEN : rounding);
        return format.format(value);
    }
}
