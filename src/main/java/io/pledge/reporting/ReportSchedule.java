package io.pledge.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A client's report schedule: its compliance report and QBR pack mailed to its report contacts for each
 * month and/or each quarter, {@code daysAfterClose} days after the period closes, from the period holding
 * {@code startsOn}. Each cadence keeps the next period it owes and when that one is due.
 *
 * @param nextMonth the next month owed, or null when the schedule sends no monthly report
 * @param nextQuarter the next quarter owed, or null when the schedule sends no quarterly report
 */
public record ReportSchedule(
        UUID client,
        boolean enabled,
        boolean monthly,
        boolean quarterly,
        int daysAfterClose,
        LocalDate startsOn,
        Next nextMonth,
        Next nextQuarter,
        Instant updatedAt,
        String updatedBy) {

    /** The next period a cadence owes, and when it is due. */
    public record Next(String period, Instant dueAt) {

        static Next of(ReportPeriod period, ZoneId zone, int daysAfterClose) {
            return new Next(period.label(), ReportDueDates.dueAt(period, zone, daysAfterClose));
        }
    }

    /** A new or changed schedule, its cursors placed on the periods holding {@code startsOn}. */
    public static ReportSchedule planned(
            UUID client,
            boolean enabled,
            boolean monthly,
            boolean quarterly,
            int daysAfterClose,
            LocalDate startsOn,
            ZoneId zone,
            Instant now,
            String author) {
        return new ReportSchedule(
                client,
                enabled,
                monthly,
                quarterly,
                daysAfterClose,
                startsOn,
                monthly
                        ? Next.of(ReportDueDates.holding(ReportPeriod.Kind.MONTH, startsOn), zone, daysAfterClose)
                        : null,
                quarterly
                        ? Next.of(ReportDueDates.holding(ReportPeriod.Kind.QUARTER, startsOn), zone, daysAfterClose)
                        : null,
                now,
                author);
    }

    /** When a scheduler next has work on this schedule; null when it owes nothing. */
    public Instant nextDueAt() {
        if (!enabled) {
            return null;
        }
        Instant month = nextMonth == null ? null : nextMonth.dueAt();
        Instant quarter = nextQuarter == null ? null : nextQuarter.dueAt();
        if (month == null) {
            return quarter;
        }
        return quarter == null || month.isBefore(quarter) ? month : quarter;
    }

    /** This schedule with other cursors. */
    public ReportSchedule advancedTo(Next month, Next quarter) {
        return new ReportSchedule(
                client, enabled, monthly, quarterly, daysAfterClose, startsOn, month, quarter, updatedAt, updatedBy);
    }
}
