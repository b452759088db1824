package io.pledge.clients;

import io.pledge.calendar.BusinessDayRule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What a client signed, as it stands at an instant, in words a client reads: the contract in force, its
 * tier and the policy version in force (targets per priority, uptime target, credit schedule), the calendar
 * the targets are counted in (weekly hours, holidays of the year, overrides), and the covered services. The
 * MSP's own fields (tier and calendar ids, who wrote the policy) stay out: this is the client's copy.
 *
 * @param at the instant the terms are read at
 */
public record ContractSheet(
        Instant at,
        ClientLine client,
        ContractLine contract,
        TierLine tier,
        List<PriorityTargets> targets,
        BigDecimal uptimeTarget,
        List<CreditStep> availabilityCredits,
        List<TicketCreditStep> ticketCredits,
        BigDecimal creditCapPercent,
        CalendarLine calendar) {

    /** The client: name, slug and zone (dates of the contract are read in it). */
    public record ClientLine(String name, String slug, ZoneId zone) {}

    /** The contract's period (end null when open-ended), covered services (empty: all) and fee. */
    public record ContractLine(
            LocalDate startDate, LocalDate endDate, List<String> services, BigDecimal monthlyFee, String currency) {}

    /** The tier's name and description, and the version of its policy in force since when. */
    public record TierLine(String name, String description, int policyVersion, Instant effectiveFrom) {}

    /**
     * One priority's targets: first response and resolution in business time, or in business days
     * ({@code firstResponseDays}, {@code resolutionDays}, ADR 0040; the duration is then null), null when
     * the policy sets none, each with the name of its own calendar when it is not the contract's.
     */
    public record PriorityTargets(
            String priority,
            String label,
            Duration firstResponse,
            String firstResponseCalendar,
            Duration resolution,
            String resolutionCalendar,
            BusinessDayRule firstResponseDays,
            BusinessDayRule resolutionDays) {

        /** Targets in business time only. */
        public PriorityTargets(
                String priority,
                String label,
                Duration firstResponse,
                String firstResponseCalendar,
                Duration resolution,
                String resolutionCalendar) {
            this(priority, label, firstResponse, firstResponseCalendar, resolution, resolutionCalendar, null, null);
        }
    }

    /**
     * The calendar the targets are counted in: name, zone, whether it is always open, the weekly hours
     * (every day of the week, Monday first; "HH:mm–HH:mm" ranges, none when closed), the holiday sets with
     * the dates they close in {@code year}, the extra closed dates and the overrides from the start of
     * {@code year} on.
     */
    public record CalendarLine(
            String name,
            ZoneId zone,
            boolean alwaysOpen,
            List<Day> week,
            int year,
            List<HolidaySet> holidaySets,
            List<LocalDate> holidays,
            List<Override> overrides) {}

    /** A day of the week and its opening ranges. */
    public record Day(DayOfWeek day, List<String> ranges) {}

    /** A country's or region's public holidays, and the dates they close in the calendar's year. */
    public record HolidaySet(String code, List<LocalDate> dates) {}

    /** A date whose hours replace the week's (no range: closed). */
    public record Override(LocalDate date, List<String> ranges) {}
}
