package io.pledge.monitoring;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import io.pledge.monitoring.uptime.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The period an availability answer covers, in the zone its days are read in: a day, a month or a
 * quarter (of a date, in a zone), or a custom span of at most 400 days.
 */
public record AvailabilityPeriod(Span span, ZoneId zone) {

    /**
     * A period as a request names it. {@code period} is day, month, quarter or custom (default month, or
     * custom when {@code from} or {@code to} is given); {@code date} defaults to today and {@code zone} to
     * the client's.
     */
    public record Query(String period, String date, String zone, String from, String to) {}

    /**
     * Validates a query, recording every violation; null when invalid.
     *
     * @param clientZone the zone when the query names none
     * @param now the instant "today" is read from
     */
    public static AvailabilityPeriod parse(Query query, ZoneId clientZone, Instant now, Violations violations) {
        int before = violations.count();
        String period = query.period();
        String from = query.from();
        String to = query.to();
        ZoneId zoneId = query.zone() == null
                ? clientZone
                : violations.parse("zone", query.zone(), "zone (IANA, such as Europe/Paris)", ZoneId::of);
        String kind =
                period == null ? (from != null || to != null ? "custom" : "month") : period.toLowerCase(Locale.ROOT);
        Span span = null;
        switch (kind) {
            case "day", "month", "quarter" -> {
                if (from != null || to != null) {
                    violations.add("from", "only with period=custom");
                }
                LocalDate day = query.date() == null
                        ? (zoneId == null ? null : LocalDate.ofInstant(now, zoneId))
                        : violations.parse("date", query.date(), Instants.DATE_WHAT, Instants::parseDate);
                if (day != null && zoneId != null) {
                    LocalDate start = switch (kind) {
                        case "day" -> day;
                        case "month" -> day.withDayOfMonth(1);
                        default -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                    };
                    LocalDate end = switch (kind) {
                        case "day" -> start.plusDays(1);
                        case "month" -> start.plusMonths(1);
                        default -> start.plusMonths(3);
                    };
                    span = Span.of(
                            start.atStartOfDay(zoneId).toInstant(),
                            end.atStartOfDay(zoneId).toInstant());
                }
            }
            case "custom" -> {
                Instant start = violations.parse("from", from, Instants.WHAT, Instants::parse);
                Instant end = violations.parse("to", to, Instants.WHAT, Instants::parse);
                if (start != null && end != null) {
                    if (!end.isAfter(start)) {
                        violations.add("to", "must be after from");
                    } else if (Duration.between(start, end).compareTo(Duration.ofDays(400)) > 0) {
                        violations.add("to", "a period is at most 400 days");
                    } else {
                        span = Span.of(start, end);
                    }
                }
            }
            default -> violations.add("period", "\"" + period + "\" is not one of day, month, quarter, custom");
        }
        return violations.count() > before ? null : new AvailabilityPeriod(span, zoneId);
    }
}
