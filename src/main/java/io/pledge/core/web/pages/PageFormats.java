package io.pledge.core.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * How a page writes an instant, a date, a duration, a count or a percentage: in the reader's language,
 * an instant in the zone it belongs to (a client's, or the MSP's for figures of no one client). The one
 * formatter of every page, given to each template as {@code fmt}; a template formats, it never computes.
 * Units and their spacing come from the {@code format.*} keys of the pages' bundle.
 */
public final class PageFormats {

    private final Locale locale;
    private final ZoneId zone;
    private final MessageSource messages;

    public PageFormats(Locale locale, ZoneId zone, MessageSource messages) {
        this.locale = locale;
        this.zone = zone;
        this.messages = messages;
    }

    public Locale locale() {
        return locale;
    }

    /** The zone of figures that belong to no one client. */
    public ZoneId zone() {
        return zone;
    }

    /** An instant in the MSP's zone: date and time to the minute, as the language writes them. */
    public String dateTime(Instant instant) {
        return dateTime(instant, zone);
    }

    /** An instant in a zone (a client's zone id, {@code Europe/Paris}), with the zone's short name. */
    public String dateTime(Instant instant, Object zone) {
        if (instant == null) {
            return "";
        }
        ZoneId in = zoneOf(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(in))
                + " " + DateTimeFormatter.ofPattern("zzz", locale).format(instant.atZone(in));
    }

    /** The time of day alone, in a zone. */
    public String time(Instant instant, Object zone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .format(instant.atZone(zoneOf(zone)));
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    /**
     * A duration to the minute ({@code 2 h 05 min}, {@code 3 d 4 h}; {@code 45 s} under a minute), with a
     * minus sign when negative (overdue); a dash when there is none.
     */
    public String duration(Duration duration) {
        if (duration == null) {
            return message("format.none");
        }
        String sign = duration.isNegative() ? "\u2212" : "";
        Duration d = duration.abs();
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        String text;
        if (days > 0) {
            text = message("format.days-hours", number(days), hours);
        } else if (hours > 0) {
            text = message("format.hours-minutes", hours, String.format(locale, "%02d", minutes));
        } else if (minutes > 0) {
            text = message("format.minutes", minutes);
        } else {
            text = message("format.seconds", d.toSecondsPart());
        }
        return sign + text;
    }

    /** A whole count with the language's grouping ({@code 12,345}, {@code 12 345}). */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A decimal figure with at most {@code scale} decimals, as the language writes it. */
    public String decimal(BigDecimal value, int scale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(scale);
        return format.format(value.setScale(scale, RoundingMode.HALF_EVEN));
    }

    /**
     * A business-day target in words ({@code next business day by 17:00}, {@code jour ouvré suivant avant
     * 17:00}), from its document fields: {@code kind} NEXT_BUSINESS_DAY, BUSINESS_DAYS or
     * END_OF_BUSINESS_DAY, {@code days} and {@code ending} (TIME_OF_DAY or CLOSE) of BUSINESS_DAYS, the
     * time of day {@code by} (HH:MM) of NEXT_BUSINESS_DAY.
     */
    public String businessDays(String kind, Integer days, String ending, String by) {
        if (kind == null) {
            return message("format.none");
        }
        return switch (kind) {
            case "NEXT_BUSINESS_DAY" -> message("format.business-days.next", by);
            case "BUSINESS_DAYS" ->
                message(
                        "CLOSE".equals(ending) ? "format.business-days.close" : "format.business-days.time-of-day",
                        days);
            default -> message("format.business-days.end");
        };
    }

    /** A percentage to one decimal ({@code 97.5%}, {@code 97,5 %}); a dash when there is none. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return message("format.none");
        }
        return message("format.percent", decimal(value, 1));
    }

    /** An amount of money in a currency ({@code EUR}), as the language writes it. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return message("format.none");
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        if (currency != null) {
            try {
                format.setCurrency(java.util.Currency.getInstance(currency));
            } catch (IllegalArgumentException unknown) {
                return decimal(amount, 2) + " " + currency;
            }
        }
        return format.format(amount);
    }

    private ZoneId zoneOf(Object zone) {
        if (zone instanceof ZoneId id) {
            return id;
        }
        if (zone instanceof String name && !name.isBlank()) {
            return ZoneId.of(name);
        }
        return this.zone;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
