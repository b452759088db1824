package io.pledge.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/**
 * When a scheduled report is due: a number of whole days after its period closes, at {@link #SEND_AT} on
 * that day in the client's zone. A month closes at midnight after its last day, so October 2026 in
 * Europe/Paris with three days after close is due on 4 November at 06:00 (05:00 UTC, winter time), however
 * long the month was. Plain Java: no clock, no Spring.
 */
public final class ReportDueDates {

    /** The local time of day a due report is sent at, in the client's zone. */
    public static final LocalTime SEND_AT = LocalTime.of(6, 0);

    /** Days after close: at most this many. */
    public static final int MAX_DAYS_AFTER_CLOSE = 28;

    private ReportDueDates() {}

    /**
     * The instant a period's report is due: {@code daysAfterClose} days after the day following its last
     * day, at {@link #SEND_AT} in {@code zone} (a time skipped by a DST change moves forward by the gap).
     */
    public static Instant dueAt(ReportPeriod period, ZoneId zone, int daysAfterClose) {
        if (daysAfterClose < 0 || daysAfterClose > MAX_DAYS_AFTER_CLOSE) {
            throw new IllegalArgumentException("days after close must be 0.." + MAX_DAYS_AFTER_CLOSE);
        }
        return period.lastDay()
                .plusDays(1L + daysAfterClose)
                .atTime(SEND_AT)
                .atZone(zone)
                .toInstant();
    }

    /** The month or quarter that holds a date. */
    public static ReportPeriod holding(ReportPeriod.Kind kind, LocalDate date) {
        return switch (kind) {
            case MONTH -> ReportPeriod.month(YearMonth.from(date));
            case QUARTER -> ReportPeriod.quarter(date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR));
            case RANGE -> throw new IllegalArgumentException("a schedule sends months and quarters only");
        };
    }

    /** The month or quarter after a period of that kind. */
    public static ReportPeriod following(ReportPeriod period) {
        return holding(period.kind(), period.lastDay().plusDays(1));
    }
}
