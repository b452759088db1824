package io.pledge.advisor;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.core.Durations;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ReportNumbers;
import io.pledge.reporting.ReportPeriod;
import io.pledge.sla.ClockState;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Target;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.ClockRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads the clocks that stopped in a period, as the compliance report reads them ({@link ClockRecords}: the
 * stored rows, met or breached, never recomputed), and states per tier, priority and metric the business time
 * they took against the target promised now and the internal goal. The period is read in each client's zone,
 * as reports do; a period not over yet counts up to now.
 */
@Service
public class TargetAdvisor {

    private final Clients clients;
    private final PriorityScheme priorities;
    private final Tiers tiers;
    private final Goals goals;
    private final ClockRecords clocks;
    private final Clock clock;

    TargetAdvisor(
            Clients clients, PriorityScheme priorities, Tiers tiers, Goals goals, ClockRecords clocks, Clock clock) {
        this.clients = clients;
        this.priorities = priorities;
        this.tiers = tiers;
        this.goals = goals;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** The compliance level suggested targets are for when none is asked. */
    public static final BigDecimal DEFAULT_COMPLIANCE = BigDecimal.valueOf(95);

    /**
     * The advice over a period, from request parameters as the API and the page take them: {@code period}, or
     * {@code from} and {@code to} (as reports read them); optionally a tier id, a client id or slug and a
     * compliance level (95 when absent).
     *
     * @throws InvalidRequestException naming the parameter that is malformed (400)
     * @throws UnprocessableException naming the tier or client that does not exist (422)
     */
    public AdvisorReport advise(
            String period, String from, String to, String tier, String client, String compliance, Scope scope) {
        ReportPeriod parsed = ReportPeriod.parse(period, from, to);
        Violations violations = new Violations();
        UUID tierId = violations.parseOptional("tier", tier, "tier id", UUID::fromString);
        BigDecimal level = compliance == null
                ? DEFAULT_COMPLIANCE
                : violations.parseOptional("compliance", compliance, "percentage (95, 99.5)", BigDecimal::new);
        if (level != null && (level.signum() <= 0 || level.compareTo(BigDecimal.valueOf(100)) > 0)) {
            violations.add("compliance", "must be a percentage above 0 and at most 100, got " + compliance);
        }
        violations.throwIfAny();
        Optional<TierId> chosenTier = Optional.ofNullable(tierId).map(TierId::new);
        if (chosenTier.isPresent() && tiers.find(chosenTier.get()).isEmpty()) {
            throw new UnprocessableException("tier", "unknown tier " + tier);
        }
        Optional<Client> chosenClient = Optional.empty();
        if (client != null) {
            chosenClient = Optional.of(clients.findByReference(client.strip(), scope)
                    .orElseThrow(() -> new UnprocessableException("client", "unknown client " + client)));
        }
        return advise(parsed, chosenTier, chosenClient, level, scope);
    }

    /**
     * The advice over a period.
     *
     * @param tier only this tier, or every tier when null
     * @param client only this client, or every client in the scope when null
     * @param compliance the compliance level the suggested targets are for, above 0 and at most 100
     */
    public AdvisorReport advise(
            ReportPeriod period, Optional<TierId> tier, Optional<Client> client, BigDecimal compliance, Scope scope) {
        Instant now = Timestamps.now(clock);
        List<Client> read = client.map(List::of)
                .orElseGet(() -> clients.all().stream()
                        .filter(c -> scope.includes(c.id().value()))
                        .toList());
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.firstDay());
                !month.isAfter(YearMonth.from(period.lastDay()));
                month = month.plusMonths(1)) {
            months.add(month);
        }
        Map<Key, Sample> samples = new HashMap<>();
        for (Client each : read) {
            ZoneId zone = each.details().zone();
            Instant start = period.start(zone);
            Instant end = period.end(zone);
            Instant until = end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
            if (!until.isAfter(start)) {
                continue;
            }
            for (ClockRecord record : clocks.ofPeriod(each.id().value(), start, until, scope)) {
                if (!record.stoppedWithin(start, until)
                        || (tier.isPresent() && !tier.get().value().equals(record.tierId()))) {
                    continue;
                }
                Key key = new Key(record.tierId(), record.priority(), record.metric());
                samples.computeIfAbsent(key, k -> new Sample())
                        .add(record, YearMonth.from(record.stoppedAt().atZone(zone)));
            }
        }
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        samples.keySet().forEach(key -> seen.add(key.tier()));
        Map<UUID, Tier> tierById = new LinkedHashMap<>();
        for (Tier each : tiers.all()) {
            if (tier.isEmpty() || tier.get().equals(each.id())) {
                tierById.put(each.id().value(), each);
                if (client.isPresent() && !seen.contains(each.id().value())) {
                    continue;
                }
                // Every target promised now has its line, even without clocks: no history is a finding too.
                for (Target target : each.currentPolicy().terms().sla().targets()) {
                    samples.computeIfAbsent(
                            new Key(each.id().value(), target.priority(), target.metric()), k -> new Sample());
                }
            }
        }
        Map<Key, Duration> goalByKey = new HashMap<>();
        for (Goal goal : goals.all()) {
            goalByKey.put(new Key(goal.tier().value(), goal.priority(), goal.metric()), goal.goal());
        }
        List<AdvisorReport.Line> lines = new ArrayList<>();
        samples.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((Key k) -> tierName(tierById, k.tier()))
                        .thenComparing(Key::tier)
                        .thenComparing(Key::priority)
                        .thenComparing(Key::metric)))
                .forEach(entry -> lines.add(line(
                        entry.getKey(),
                        entry.getValue(),
                        tierById,
                        goalByKey.get(entry.getKey()),
                        months,
                        compliance)));
        return new AdvisorReport(
                new AdvisorReport.Period(period.label(), period.firstDay(), period.lastDay()),
                compliance,
                Distribution.MINIMUM_SAMPLE,
                client.map(c -> new AdvisorReport.ClientLine(c.id().value(), c.name(), c.slug()))
                        .orElse(null),
                now,
                lines);
    }

    /**
     * Sets the internal goal of a tier's priority and metric: business time shorter than the target the tier
     * promises now for it.
     *
     * @throws InvalidRequestException naming the priority, metric or goal that is malformed
     * @throws NotFoundException when there is no such tier
     * @throws UnprocessableException when the tier promises no target for the priority and metric
     */
    public Goal putGoal(TierId tierId, String priorityCode, String metricName, String goalText, String author) {
        Violations violations = new Violations();
        Priority priority = violations.parse(
                "priority",
                priorityCode,
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code).orElseThrow(IllegalArgumentException::new));
        Metric metric = metric(metricName, violations);
        Duration goal = violations.parse("goal", goalText, "ISO-8601 duration (PT2H)", Durations::parse);
        if (goal != null && (goal.isNegative() || goal.isZero() || goal.getNano() != 0)) {
            violations.add("goal", "must be a positive duration in whole seconds, got " + goalText);
            goal = null;
        }
        violations.throwIfAny();
        Tier tier = tiers.find(tierId).orElseThrow(() -> new NotFoundException("tier", tierId.value()));
        Target target = tier.currentPolicy()
                .terms()
                .sla()
                .target(priority, metric)
                .orElseThrow(() -> new UnprocessableException(
                        "priority",
                        "tier " + tier.name() + " promises no " + metric + " target for " + priority.code()));
        if (target.isBusinessDays()) {
            // Each clock of a business-day target has its own budget: no one duration to be stricter than.
            throw new UnprocessableException(
                    "goal",
                    "tier " + tier.name() + " promises " + priority.code() + " " + metric + " in business days ("
                            + target.describe() + "): a goal in business time cannot be set against it");
        }
        Duration promised = target.duration();
        if (goal.compareTo(promised) >= 0) {
            throw new InvalidRequestException(
                    "goal",
                    "must be shorter than the promised target " + promised + " (a goal is stricter), got " + goal);
        }
        return goals.put(tierId, priority, metric, goal, author);
    }

    /**
     * Removes a goal; false when there was none.
     *
     * @throws InvalidRequestException naming the priority or metric that is malformed
     */
    public boolean removeGoal(TierId tierId, String priorityCode, String metricName) {
        Violations violations = new Violations();
        Priority priority = violations.parse("priority", priorityCode, "priority code", Priority::of);
        Metric metric = metric(metricName, violations);
        violations.throwIfAny();
        return goals.remove(tierId, priority, metric);
    }

    /** Every goal, with its tier's name, by tier name, priority and metric. */
    public List<Goal> goals() {
        return goals.all();
    }

    private static Metric metric(String name, Violations violations) {
        return violations.parse("metric", name, "metric (FIRST_RESPONSE or RESOLUTION)", Metric::valueOf);
    }

    /**
     * One line. A business-day target (ADR 0040) has no one duration: its line has no {@code target} nor
     * met % against it, and its recorded met % compares each clock with its own budget.
     */
    private static AdvisorReport.Line line(
            Key key,
            Sample sample,
            Map<UUID, Tier> tiers,
            Duration goal,
            List<YearMonth> months,
            BigDecimal compliance) {
        Tier tier = tiers.get(key.tier());
        Duration target = tier == null
                ? null
                : tier.currentPolicy()
                        .terms()
                        .sla()
                        .target(key.priority(), key.metric())
                        .map(Target::duration)
                        .orElse(null);
        Distribution all = Distribution.of(sample.times);
        List<AdvisorReport.Month> trend = new ArrayList<>();
        for (YearMonth month : months) {
            Distribution of = Distribution.of(sample.byMonth.getOrDefault(month, List.of()));
            trend.add(new AdvisorReport.Month(
                    month.toString(),
                    of.clocks(),
                    of.p50(),
                    of.p90(),
                    of.max(),
                    of.metPercent(target),
                    of.metPercent(goal),
                    of.targetFor(compliance),
                    warning(of)));
        }
        return new AdvisorReport.Line(
                key.tier(),
                tier == null ? null : tier.name(),
                key.priority().code(),
                key.metric().name(),
                all.clocks(),
                all.p50(),
                all.p80(),
                all.p90(),
                all.p95(),
                all.max(),
                target,
                all.metPercent(target),
                ReportNumbers.percent(sample.recordedMet, all.clocks()),
                goal,
                all.metPercent(goal),
                all.targetFor(compliance),
                warning(all),
                trend);
    }

    private static String warning(Distribution distribution) {
        if (!distribution.smallSample()) {
            return null;
        }
        return "only " + distribution.clocks() + " clock" + (distribution.clocks() == 1 ? "" : "s") + ", under "
                + Distribution.MINIMUM_SAMPLE + ": too few to trust";
    }

    private static String tierName(Map<UUID, Tier> tiers, UUID tier) {
        Tier found = tiers.get(tier);
        return found == null ? "" : found.name();
    }

    private record Key(UUID tier, Priority priority, Metric metric) {}

    /** The business times of one key, in all and by month. */
    private static final class Sample {
        final List<Duration> times = new ArrayList<>();
        final Map<YearMonth, List<Duration>> byMonth = new HashMap<>();
        long recordedMet;

        void add(ClockRecord record, YearMonth month) {
            times.add(record.elapsed());
            byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(record.elapsed());
            if (record.state() == ClockState.MET) {
                recordedMet++;
            }
        }
    }
}
