package io.pledge.reporting;

import io.pledge.reporting.credits.CreditForecast;
import io.pledge.reporting.credits.CreditStatement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's compliance over a period, as PRODUCT.md "Reports and credits" defines it. Every table is a
 * list of flat rows (the CSV of a table is its rows); business times are counted in the calendar of each
 * clock's target. No internal text of any ticket is part of it.
 *
 * <p>Credits owed are the section {@code credits}: the statement of the credit calculation ({@code
 * io.pledge.reporting.credits}, docs/adr/0031) over this report's figures; absent when no contract with a
 * fee was in force in the period.
 *
 * @param headline every headline figure, with the previous period's and the change
 * @param clocks per priority, metric and target: the clocks that stopped in the period
 * @param breaches every clock that stopped breached in the period, with its overshoot
 * @param openBreaches clocks still open at the period's end that had already exceeded their target
 * @param paused business time spent in pause statuses by the clocks that stopped in the period
 * @param outOfScope tickets created in the period without clocks, and why
 * @param monitors each monitor of the client over the period
 * @param credits what the period owes under the tier's credit schedules, line by line with evidence
 * @param creditAtRisk for a period not over yet only: what it owes if nothing else goes wrong, and how much
 *     more downtime or how many more breaches move each figure to its next step; absent for a closed period
 * @param rules how every figure was counted
 */
public record ComplianceReport(
        ClientLine client,
        PeriodLine period,
        Instant generatedAt,
        List<Headline> headline,
        List<ClockLine> clocks,
        List<Breach> breaches,
        List<OpenBreach> openBreaches,
        List<PausedLine> paused,
        List<OutOfScopeLine> outOfScope,
        List<MonitorLine> monitors,
        CreditStatement credits,
        CreditForecast creditAtRisk,
        AccountingRules rules) {

    public record ClientLine(UUID id, String name, String slug, String zone) {}

    /**
     * The period and the one it is compared with.
     *
     * @param start the first instant (included), {@code end} the first instant after it
     * @param until where counting stops: the end, or the generation instant for a period not over yet
     */
    public record PeriodLine(
            String label,
            String kind,
            LocalDate firstDay,
            LocalDate lastDay,
            Instant start,
            Instant end,
            Instant until,
            String previousLabel,
            Instant previousStart,
            Instant previousEnd) {}

    /**
     * One headline figure. Percentages in percent, durations in seconds, counts as counts; {@code change}
     * is {@code current − previous}, null when either is.
     */
    public record Headline(String figure, String unit, BigDecimal current, BigDecimal previous, BigDecimal change) {}

    /**
     * The clocks of one priority, metric and target that stopped in the period.
     *
     * @param metPercent met ÷ stopped, in percent to 2 decimals; null when none stopped
     * @param median nearest-rank median of the business time the clocks took; null when none stopped
     * @param p90 nearest-rank 90th percentile
     * @param openBreached clocks of this priority and metric still open and breached at the period's end
     */
    public record ClockLine(
            String priority,
            String metric,
            Duration target,
            long stopped,
            long met,
            long breached,
            BigDecimal metPercent,
            Duration median,
            Duration p90,
            long openBreached) {}

    /**
     * A clock that stopped breached in the period; {@code overshoot} is elapsed − target. {@code subject} is
     * the ticket's subject, the public line the client wrote or reads (never an internal note).
     */
    public record Breach(
            UUID ticket,
            String externalId,
            String subject,
            String priority,
            String metric,
            Duration target,
            Duration elapsed,
            Duration overshoot,
            Instant breachedAt,
            Instant stoppedAt,
            String timeline) {}

    /** A clock open at the period's end, breached before it. */
    public record OpenBreach(
            UUID ticket,
            String externalId,
            String subject,
            String priority,
            String metric,
            Duration target,
            Instant breachedAt,
            String stateNow,
            Instant stoppedAt,
            String timeline) {}

    /**
     * Pause time of the clocks of one priority and metric that stopped in the period, by reason.
     *
     * @param reason {@code WAITING_ON_CUSTOMER}, {@code WAITING_ON_VENDOR} or {@code OTHER} (any other pause
     *     status a policy names)
     */
    public record PausedLine(String priority, String metric, String reason, long clocks, Duration time) {}

    public record OutOfScopeLine(
            UUID ticket, String externalId, String priority, String service, Instant createdAt, String reason) {}

    /**
     * A monitor over the period (up to {@code until}).
     *
     * @param availability percent, 6 decimals; null when the monitor was not watched in the period
     * @param budgetUsedPercent downtime ÷ error budget of the whole period, percent
     * @param meanTimeToRecovery mean elapsed time from the start to the end of the incidents that started
     *     in the period and ended
     * @param retroactiveMaintenance windows created after they started, which erased recorded downtime
     */
    public record MonitorLine(
            UUID monitor,
            String name,
            String service,
            BigDecimal target,
            BigDecimal availability,
            boolean meetsTarget,
            Duration covered,
            Duration downtime,
            Duration maintenance,
            Duration gaps,
            Duration errorBudget,
            BigDecimal budgetUsedPercent,
            int incidents,
            Duration meanTimeToRecovery,
            List<RetroactiveMaintenance> retroactiveMaintenance) {}

    public record RetroactiveMaintenance(String name, String reason, Instant createdAt, Instant start, Instant end) {}

    /**
     * How the figures were counted, so that a reader can check any of them.
     *
     * @param statements the rules in words
     * @param calendars the calendars the clocks of the period count in
     * @param policies the policy versions in force for the period's clocks
     * @param monitors what counts as down for each monitor
     */
    public record AccountingRules(
            String zone,
            List<String> statements,
            List<CalendarRule> calendars,
            List<PolicyRule> policies,
            List<DownRule> monitors) {}

    public record CalendarRule(UUID id, String name, String zone) {}

    public record PolicyRule(
            UUID tier,
            String tierName,
            int version,
            Instant effectiveFrom,
            List<TargetRule> targets,
            Map<String, List<String>> pauseStatuses,
            String reopenRule,
            String priorityChangeRule) {}

    /**
     * A target of a policy: business time ({@code target}), or a business-day deadline in words
     * ({@code businessDays}: "next business day by 17:00", ADR 0040), whose clocks each count the business
     * time from their start to their deadline.
     */
    public record TargetRule(String priority, String metric, Duration target, UUID calendar, String businessDays) {

        public TargetRule(String priority, String metric, Duration target, UUID calendar) {
            this(priority, metric, target, calendar, null);
        }
    }

    public record DownRule(UUID monitor, String name, String kind, int downAfter, int upAfter, String calendar) {}
}
