package io.pledge.reporting.pack;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the QBR pack shows, already computed: the templates and charts only format and draw it.
 * Figures come from the compliance report, its credits section included; nothing here is
 * derived again, so the pack can never disagree with the API.
 *
 * @param from first day of the period, in the client's zone
 * @param to last day of the period (inclusive), in the client's zone
 * @param creditTotal the credits owed in the period, as the credits state it
 * @param creditAtRisk the credit at risk while the period is not over yet, as the report forecasts it;
 *     null once the period has ended
 * @param notes the manager's notes for this client and period, or null
 */
public record QbrPack(
        String mspName,
        String clientName,
        Locale locale,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        List<Headline> headlines,
        List<PriorityRow> priorities,
        List<MonthlyMet> monthlyMet,
        List<SystemUptime> systems,
        List<PausedTime> paused,
        List<BreachLine> breaches,
        List<CreditLine> credits,
        BigDecimal creditTotal,
        Currency currency,
        CreditAtRisk creditAtRisk,
        AccountingRules rules,
        String notes) {

    public QbrPack {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
        headlines = List.copyOf(headlines);
        priorities = List.copyOf(priorities);
        monthlyMet = List.copyOf(monthlyMet);
        systems = List.copyOf(systems);
        paused = List.copyOf(paused);
        breaches = List.copyOf(breaches);
        credits = List.copyOf(credits);
    }

    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }

    /** The same pack with the manager's notes. */
    public QbrPack withNotes(String notes) {
        return new QbrPack(
                mspName,
                clientName,
                locale,
                zone,
                from,
                to,
                generatedAt,
                headlines,
                priorities,
                monthlyMet,
                systems,
                paused,
                breaches,
                credits,
                creditTotal,
                currency,
                creditAtRisk,
                rules,
                notes);
    }

    /** What a headline figure measures, how it is shown, and which way is better. */
    public enum Measure {
        RESPONSE_MET(Unit.PERCENT, Better.HIGHER),
        RESOLUTION_MET(Unit.PERCENT, Better.HIGHER),
        AVAILABILITY(Unit.PERCENT, Better.HIGHER),
        CLOCKS_STOPPED(Unit.COUNT, Better.NEITHER),
        BREACHES(Unit.COUNT, Better.LOWER),
        PAUSED(Unit.DURATION, Better.NEITHER),
        CREDITS(Unit.MONEY, Better.LOWER);

        public enum Unit {
            PERCENT,
            COUNT,
            DURATION,
            MONEY
        }

        public enum Better {
            HIGHER,
            LOWER,
            NEITHER
        }

        private final Unit unit;
        private final Better better;

        Measure(Unit unit, Better better) {
            this.unit = unit;
            this.better = better;
        }

        public Unit unit() {
            return unit;
        }

        public Better better() {
            return better;
        }

        /** The message key of its label. */
        public String key() {
            return "qbr.measure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A headline figure against the previous period. Values are in the measure's unit: percent (0–100),
     * a count, seconds of business time, or an amount of money.
     *
     * @param current this period's value, or null when there was nothing to measure
     * @param previous the previous period's value, or null
     * @param change current − previous as the report states it, or null when either is missing
     */
    public record Headline(Measure measure, BigDecimal current, BigDecimal previous, BigDecimal change) {

        public Headline {
            Objects.requireNonNull(measure, "measure");
        }

        /** Up, down or level against the previous period; empty when there is nothing to compare. */
        public Trend trend() {
            if (change == null) {
                return Trend.NONE;
            }
            return switch (change.signum()) {
                case 1 -> Trend.UP;
                case -1 -> Trend.DOWN;
                default -> Trend.LEVEL;
            };
        }

        /** Whether the change is for the better, for the worse, or neither. */
        public String judgement() {
            Trend trend = trend();
            if (trend == Trend.NONE || trend == Trend.LEVEL || measure.better() == Measure.Better.NEITHER) {
                return "neutral";
            }
            boolean up = trend == Trend.UP;
            return up == (measure.better() == Measure.Better.HIGHER) ? "better" : "worse";
        }
    }

    public enum Trend {
        UP("\u2191"),
        DOWN("\u2193"),
        LEVEL("="),
        NONE("");

        private final String arrow;

        Trend(String arrow) {
            this.arrow = arrow;
        }

        public String arrow() {
            return arrow;
        }
    }

    /**
     * One priority and metric over the period.
     *
     * @param metPercent clocks met ÷ clocks stopped, or null when none stopped
     */
    public record PriorityRow(
            String priority,
            String metric,
            long stopped,
            BigDecimal metPercent,
            Duration median,
            Duration p90,
            Duration target,
            long breaches) {}

    /** Met % of one priority and metric in one month of the period (null when no clock stopped). */
    public record MonthlyMet(YearMonth month, String priority, String metric, BigDecimal metPercent) {}

    /** Availability of one day, percent. */
    public record DailyUptime(LocalDate day, BigDecimal percent) {}

    /**
     * A monitored system over the period.
     *
     * @param meetsTarget whether the report states the availability meets the target
     */
    public record SystemUptime(
            String name,
            BigDecimal targetPercent,
            BigDecimal availabilityPercent,
            boolean meetsTarget,
            Duration downtime,
            List<DailyUptime> days) {

        public SystemUptime {
            days = List.copyOf(days);
        }
    }

    /** Paused resolution time by reason: {@code customer}, {@code vendor} or {@code other}. */
    public record PausedTime(String reason, Duration time) {

        public String key() {
            return "qbr.pause." + reason;
        }
    }

    /**
     * One breached clock.
     *
     * @param ticket the ticket as the client knows it (its reference in the helpdesk, else Pledge's id)
     */
    public record BreachLine(
            String ticket,
            String subject,
            String priority,
            String metric,
            Duration target,
            Duration businessTime,
            Duration overshoot,
            Instant breachedAt) {}

    /**
     * One credit owed.
     *
     * @param kind {@code availability}, {@code response} or {@code resolution}
     * @param subject what it is for: a system or service's name, or a priority
     * @param figure the availability or met % that priced it (percent)
     * @param below the level of the schedule's step the figure fell under (percent)
     */
    public record CreditLine(
            String kind,
            String subject,
            BigDecimal figure,
            BigDecimal below,
            BigDecimal percentOfFee,
            BigDecimal amount) {

        public String key() {
            return "qbr.credit.kind." + kind;
        }
    }

    /** How every figure was counted, stated so that a reader can check any of them. */
    public record AccountingRules(
            List<String> calendars,
            List<String> pauseStatuses,
            List<String> policyVersions,
            int failuresToDown,
            int successesToUp) {

        public AccountingRules {
            calendars = List.copyOf(calendars);
            pauseStatuses = List.copyOf(pauseStatuses);
            policyVersions = List.copyOf(policyVersions);
        }
    }

    /**
     * The credit at risk of a period not over yet: what it owes if nothing else goes wrong (no more
     * downtime, the open clocks stopped as they stand), and how far each figure is from a further step.
     *
     * @param total what the period would owe if nothing else goes wrong
     */
    public record CreditAtRisk(BigDecimal total, List<AtRiskLine> lines) {

        public CreditAtRisk {
            Objects.requireNonNull(total, "total");
            lines = List.copyOf(lines);
        }
    }

    /**
     * How far one credit figure is from a further step of the schedule.
     *
     * @param kind {@code availability}, {@code response} or {@code resolution}
     * @param subject a system or service's name, or a priority ({@code P*} for every priority)
     * @param figure the availability or met % as it stands (percent), or null when nothing is counted yet
     * @param currentPercentOfFee the step it is on (percent of the fee), or null when none
     * @param nextBelow the level of the next step, or null when no step is left below
     * @param nextPercentOfFee what the next step owes (percent of the fee), or null when none is left
     * @param moreDowntime for availability, the least further downtime that reaches the next step
     * @param moreBreaches for response and resolution, the least number of further breaches that reaches it
     */
    public record AtRiskLine(
            String kind,
            String subject,
            BigDecimal figure,
            BigDecimal currentPercentOfFee,
            BigDecimal nextBelow,
            BigDecimal nextPercentOfFee,
            Duration moreDowntime,
            Long moreBreaches) {

        public String key() {
            return "qbr.credit.kind." + kind;
        }

        /** Whether a further step is within reach (there is one, and the headroom to it is known). */
        public boolean hasNext() {
            return nextBelow != null && (moreDowntime != null || moreBreaches != null);
        }
    }
}
