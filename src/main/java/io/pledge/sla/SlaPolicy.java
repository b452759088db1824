package io.pledge.sla;

import io.pledge.calendar.BusinessDayRule;
import io.pledge.calendar.CalendarId;
import io.pledge.core.Durations;
import io.pledge.core.Numbers;
import io.pledge.core.Violations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An SLA policy: the targets per priority and metric (business time, or business days: ADR 0040), the warning thresholds (fractions of the
 * target, the breach at 1 being implicit), the statuses that pause each metric, and the reopen and
 * priority-change rules.
 */
public record SlaPolicy(
        List<Target> targets,
        List<BigDecimal> thresholds,
        List<Duration> warnBefore,
        Map<Metric, Set<TicketStatus>> pauseStatuses,
        ReopenRule reopenRule,
        PriorityChangeRule priorityChangeRule) {

    public static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(new BigDecimal("0.75"), new BigDecimal("0.9"));

    public static final Map<Metric, Set<TicketStatus>> DEFAULT_PAUSE_STATUSES = Map.of(
            Metric.FIRST_RESPONSE, Set.of(),
            Metric.RESOLUTION, Set.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR));

    /** Longest target accepted: ten years of business time. */
    static final Duration MAX_TARGET = Duration.ofDays(3653);

    private static final Set<TicketStatus> NEVER_PAUSE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    public SlaPolicy {
        targets = List.copyOf(targets);
        thresholds = List.copyOf(thresholds);
        warnBefore = List.copyOf(warnBefore);
        EnumMap<Metric, Set<TicketStatus>> pauses = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Set<TicketStatus> statuses = pauseStatuses.getOrDefault(metric, Set.of());
            pauses.put(metric, statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses)));
        }
        pauseStatuses = Collections.unmodifiableMap(pauses);
        Objects.requireNonNull(reopenRule, "reopenRule");
        Objects.requireNonNull(priorityChangeRule, "priorityChangeRule");
    }

    /** The target for a priority and metric, if the policy sets one. */
    public Optional<Target> target(Priority priority, Metric metric) {
        return targets.stream()
                .filter(t -> t.priority().equals(priority) && t.metric() == metric)
                .findFirst();
    }

    /** Every calendar a target names. */
    public Set<CalendarId> calendars() {
        Set<CalendarId> calendars = new HashSet<>();
        targets.forEach(t -> t.calendar().ifPresent(calendars::add));
        return calendars;
    }

    /**
     * Validates a policy document, recording violations under {@code prefix}; null when invalid.
     * Calendar ids are checked for form only: whether they exist is the caller's concern.
     */
    public static SlaPolicy parse(SlaPolicyDocument document, PriorityScheme scheme, Violations violations) {
        int before = violations.count();
        List<Target> targets = parseTargets(document.targets(), scheme, violations);
        List<BigDecimal> thresholds = parseThresholds(document.thresholds(), violations);
        List<Duration> warnBefore = parseLeads(document.warnBefore(), violations);
        Map<Metric, Set<TicketStatus>> pauses = parsePauses(document.pauseStatuses(), violations);
        ReopenRule reopen = document.reopenRule() == null
                ? ReopenRule.RESUME
                : violations.parse(
                        "reopenRule", document.reopenRule(), "rule (RESUME or NEW_CYCLE)", ReopenRule::valueOf);
        PriorityChangeRule change = document.priorityChangeRule() == null
                ? PriorityChangeRule.RETROACTIVE
                : violations.parse(
                        "priorityChangeRule",
                        document.priorityChangeRule(),
                        "rule (RETROACTIVE or RESTART)",
                        PriorityChangeRule::valueOf);
        if (violations.count() > before) {
            return null;
        }
        return new SlaPolicy(targets, thresholds, warnBefore, pauses, reopen, change);
    }

    /** The document form, with every default written out. */
    public SlaPolicyDocument toDocument() {
        List<SlaPolicyDocument.TargetDocument> targetDocuments = targets.stream()
                .map(t -> new SlaPolicyDocument.TargetDocument(
                        t.priority().code(),
                        t.metric().name(),
                        t.duration() == null ? null : t.duration().toString(),
                        t.calendar().map(CalendarId::toString).orElse(null),
                        t.businessDays() == null ? null : t.businessDays().toDocument()))
                .toList();
        Map<String, List<String>> pauses = new LinkedHashMap<>();
        pauseStatuses.forEach((metric, statuses) ->
                pauses.put(metric.name(), statuses.stream().map(Enum::name).toList()));
        return new SlaPolicyDocument(
                targetDocuments,
                thresholds,
                warnBefore.stream().map(Duration::toString).toList(),
                pauses,
                reopenRule.name(),
                priorityChangeRule.name());
    }

    private static List<Target> parseTargets(
            List<SlaPolicyDocument.TargetDocument> documents, PriorityScheme scheme, Violations violations) {
        List<Target> targets = new ArrayList<>();
        if (documents == null || documents.isEmpty()) {
            violations.add("targets", "at least one target is required");
            return targets;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            String field = "targets[" + i + "]";
            SlaPolicyDocument.TargetDocument document = documents.get(i);
            if (document == null) {
                violations.add(field, "must be an object");
                continue;
            }
            int before = violations.count();
            Priority priority = violations.parse(
                    field + ".priority",
                    document.priority(),
                    "priority (" + scheme.describe() + ")",
                    code -> scheme.find(code).orElseThrow());
            Metric metric = violations.parse(
                    field + ".metric", document.metric(), "metric (FIRST_RESPONSE or RESOLUTION)", Metric::valueOf);
            Duration duration = null;
            BusinessDayRule businessDays = null;
            if (document.businessDays() == null) {
                duration = violations.parse(
                        field + ".target", document.target(), "ISO-8601 duration such as PT4H", Durations::parse);
                if (duration != null && (duration.isNegative() || duration.isZero())) {
                    violations.add(field + ".target", "must be positive, got " + document.target());
                } else if (duration != null && duration.compareTo(MAX_TARGET) > 0) {
                    violations.add(field + ".target", "must be at most " + MAX_TARGET + ", got " + document.target());
                }
            } else if (document.target() != null) {
                violations.add(field + ".businessDays", "a target is a duration or business days, not both");
            } else {
                businessDays = BusinessDayRule.parse(document.businessDays(), field + ".businessDays", violations);
            }
            UUID calendar = violations.parseOptional(
                    field + ".calendarId", document.calendarId(), "calendar id", UUID::fromString);
            if (priority != null && metric != null && !seen.add(priority.code() + "/" + metric)) {
                violations.add(field, "a second target for " + priority.code() + " " + metric);
            }
            if (violations.count() == before) {
                targets.add(new Target(
                        priority,
                        metric,
                        duration,
                        Optional.ofNullable(calendar).map(CalendarId::new),
                        businessDays));
            }
        }
        return targets;
    }

    private static List<BigDecimal> parseThresholds(List<BigDecimal> values, Violations violations) {
        if (values == null) {
            return DEFAULT_THRESHOLDS;
        }
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = values.get(i);
            String field = "thresholds[" + i + "]";
            if (value != null && !Numbers.inRange(value)) {
                violations.add(field, "must have " + Numbers.RANGE);
            } else if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
                violations.add(field, "must be a fraction of the target between 0 and 1 (exclusive), got " + value);
            } else if (i > 0 && values.get(i - 1) != null && value.compareTo(values.get(i - 1)) <= 0) {
                violations.add(field, "must be greater than the previous threshold " + values.get(i - 1));
            }
        }
        // Null only when a violation names it: the policy is then never used.
        return values.stream()
                .map(value -> value == null ? null : value.stripTrailingZeros())
                .toList();
    }

    private static List<Duration> parseLeads(List<String> values, Violations violations) {
        if (values == null) {
            return List.of();
        }
        List<Duration> leads = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String field = "warnBefore[" + i + "]";
            Duration lead = violations.parse(
                    field, values.get(i), "business-time duration before due (ISO-8601, e.g. PT30M)", Durations::parse);
            if (lead == null) {
                continue;
            }
            if (lead.isNegative() || lead.isZero()) {
                violations.add(field, "must be a positive duration, got " + values.get(i));
            } else if (leads.contains(lead)) {
                violations.add(field, "is listed twice: " + values.get(i));
            } else {
                leads.add(lead);
            }
        }
        return leads;
    }

    private static Map<Metric, Set<TicketStatus>> parsePauses(Map<String, List<String>> values, Violations violations) {
        if (values == null) {
            return DEFAULT_PAUSE_STATUSES;
        }
        Map<Metric, Set<TicketStatus>> pauses = new EnumMap<>(Metric.class);
        values.forEach((key, statuses) -> {
            String field = "pauseStatuses." + key;
            Metric metric = violations.parse(field, key, "metric (FIRST_RESPONSE or RESOLUTION)", Metric::valueOf);
            Set<TicketStatus> parsed = EnumSet.noneOf(TicketStatus.class);
            List<String> names = statuses == null ? List.of() : statuses;
            for (int i = 0; i < names.size(); i++) {
                TicketStatus status =
                        violations.parse(field + "[" + i + "]", names.get(i), "status", TicketStatus::valueOf);
                if (status != null && NEVER_PAUSE.contains(status)) {
                    violations.add(field + "[" + i + "]", status + " stops the clock; it cannot pause it");
                } else if (status != null) {
                    parsed.add(status);
                }
            }
            if (metric != null) {
                pauses.put(metric, parsed);
            }
        });
        return pauses;
    }
}
