package io.pledge.clients.web;

import io.pledge.calendar.BusinessDayRule;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.web.pages.PageFormats;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;

/**
 * A policy version laid out as lines for a reader: each line has a key, a label and the text of its value
 * in the reader's language, and the value as the API writes it ({@code PT4H}, {@code 0.75 0.9}), which is
 * what two versions are compared on. A version's page shows its lines; the comparison of two versions puts
 * the lines of the same key side by side.
 */
final class PolicyLines {

    /** One line: {@code value} is the API's form of what {@code text} says. */
    record Line(String key, String label, String value, String text) {}

    /** Two versions' lines of one key, side by side; a side is null where its version has no such line. */
    record Pair(String key, String label, Line left, Line right) {

        public boolean changed() {
            return !Objects.equals(left == null ? null : left.value(), right == null ? null : right.value());
        }
    }

    private final MessageSource messages;
    private final Locale locale;
    private final PageFormats formats;
    private final PriorityScheme priorities;
    private final Map<String, String> calendarNames;

    PolicyLines(
            MessageSource messages,
            Locale locale,
            PageFormats formats,
            PriorityScheme priorities,
            Map<String, String> calendarNames) {
        this.messages = messages;
        this.locale = locale;
        this.formats = formats;
        this.priorities = priorities;
        this.calendarNames = calendarNames;
    }

    /** The target as the document states it: a duration, or a business-day target's parts. */
    private static String value(SlaPolicyDocument.TargetDocument target) {
        BusinessDayRule.Document days = target.businessDays();
        return days == null
                ? target.target()
                : String.join(
                        " ",
                        Stream.of(days.kind(), days.days(), days.ending(), days.by())
                                .filter(Objects::nonNull)
                                .map(String::valueOf)
                                .toList());
    }

    private String text(SlaPolicyDocument.TargetDocument target) {
        BusinessDayRule.Document days = target.businessDays();
        return days == null
                ? formats.duration(Duration.parse(target.target()))
                : formats.businessDays(days.kind(), days.days(), days.ending(), days.by());
    }

    /** A version's lines: its targets in priority order, then the rules, the uptime target and the credits. */
    List<Line> of(TierPolicyDocument policy) {
        List<Line> lines = new ArrayList<>();
        for (SlaPolicyDocument.TargetDocument target : sortedTargets(policy.targets())) {
            String calendar = target.calendarId() == null
                    ? message("policy.calendar.of-contract")
                    : calendarNames.getOrDefault(target.calendarId(), target.calendarId());
            lines.add(new Line(
                    "target." + target.priority() + "." + target.metric(),
                    targetLabel(target.priority(), target.metric()),
                    value(target) + " " + Objects.toString(target.calendarId(), ""),
                    message("policy.target.text", text(target), calendar)));
        }
        lines.add(new Line(
                "thresholds",
                message("policy.thresholds"),
                join(policy.thresholds().stream().map(PolicyLines::plain).toList()),
                joinOrNone(policy.thresholds().stream()
                        .map(t -> formats.percent(t.multiply(BigDecimal.valueOf(100))))
                        .toList())));
        lines.add(new Line(
                "warnBefore",
                message("policy.warn-before"),
                join(policy.warnBefore()),
                joinOrNone(policy.warnBefore().stream()
                        .map(lead -> formats.duration(Duration.parse(lead)))
                        .toList())));
        for (Metric metric : Metric.values()) {
            List<String> statuses = policy.pauseStatuses().getOrDefault(metric.name(), List.of());
            lines.add(new Line(
                    "pauseStatuses." + metric.name(),
                    message("policy.pauses", message("metric." + metric.name())),
                    join(statuses),
                    joinOrNone(
                            statuses.stream().map(s -> message("status." + s)).toList())));
        }
        lines.add(new Line(
                "reopenRule",
                message("policy.reopen-rule"),
                policy.reopenRule(),
                message("policy.reopen-rule." + policy.reopenRule())));
        lines.add(new Line(
                "priorityChangeRule",
                message("policy.priority-change-rule"),
                policy.priorityChangeRule(),
                message("policy.priority-change-rule." + policy.priorityChangeRule())));
        lines.add(new Line(
                "uptimeTarget",
                message("policy.uptime-target"),
                plain(policy.uptimeTarget()),
                policy.uptimeTarget() == null ? message("policy.none") : formats.percent(policy.uptimeTarget())));
        lines.add(new Line(
                "credits",
                message("policy.credits"),
                join(policy.credits().stream()
                        .map(step -> plain(step.availabilityBelow()) + " " + plain(step.creditPercent()))
                        .toList()),
                joinOrNone(policy.credits().stream()
                        .map(step -> message(
                                "policy.credit-step",
                                formats.percent(step.availabilityBelow()),
                                formats.percent(step.creditPercent())))
                        .toList())));
        String per = policy.creditsPer() == null ? "MONITOR" : policy.creditsPer();
        lines.add(new Line("creditsPer", message("policy.credits-per"), per, message("policy.credits-per." + per)));
        List<TierPolicyDocument.TicketCreditDocument> ticketCredits =
                policy.ticketCredits() == null ? List.of() : policy.ticketCredits();
        lines.add(new Line(
                "ticketCredits",
                message("policy.ticket-credits"),
                join(ticketCredits.stream()
                        .map(step -> step.metric() + " " + Objects.toString(step.priority(), "*") + " "
                                + plain(step.metBelow()) + " " + plain(step.creditPercent()))
                        .toList()),
                joinOrNone(ticketCredits.stream()
                        .map(step -> message(
                                "policy.ticket-credit-step",
                                message("metric." + step.metric()),
                                step.priority() == null ? message("policy.every-priority") : step.priority(),
                                formats.percent(step.metBelow()),
                                formats.percent(step.creditPercent())))
                        .toList())));
        lines.add(new Line(
                "creditCapPercent",
                message("policy.credit-cap"),
                plain(policy.creditCapPercent()),
                policy.creditCapPercent() == null
                        ? message("policy.none")
                        : formats.percent(policy.creditCapPercent())));
        return lines;
    }

    /** Two versions side by side: every key of either, in the order of the left one, then the right's new keys. */
    List<Pair> compare(TierPolicyDocument left, TierPolicyDocument right) {
        Map<String, Line> leftLines = byKey(of(left));
        Map<String, Line> rightLines = byKey(of(right));
        Set<String> keys = new LinkedHashSet<>();
        // Targets first, in priority order whichever side has them, then the rest in the layout's order.
        List<String> targetKeys = new ArrayList<>();
        for (Priority priority : allPriorities(left, right)) {
            for (Metric metric : Metric.values()) {
                String key = "target." + priority.code() + "." + metric.name();
                if (leftLines.containsKey(key) || rightLines.containsKey(key)) {
                    targetKeys.add(key);
                }
            }
        }
        keys.addAll(targetKeys);
        keys.addAll(leftLines.keySet());
        keys.addAll(rightLines.keySet());
        List<Pair> pairs = new ArrayList<>();
        for (String key : keys) {
            Line l = leftLines.get(key);
            Line r = rightLines.get(key);
            pairs.add(new Pair(key, (l != null ? l : r).label(), l, r));
        }
        return pairs;
    }

    private static Map<String, Line> byKey(List<Line> lines) {
        Map<String, Line> map = new LinkedHashMap<>();
        lines.forEach(line -> map.put(line.key(), line));
        return map;
    }

    private List<Priority> allPriorities(TierPolicyDocument left, TierPolicyDocument right) {
        Set<Priority> all = new java.util.TreeSet<>();
        left.targets().forEach(t -> all.add(Priority.of(t.priority())));
        right.targets().forEach(t -> all.add(Priority.of(t.priority())));
        return new ArrayList<>(all);
    }

    private List<SlaPolicyDocument.TargetDocument> sortedTargets(List<SlaPolicyDocument.TargetDocument> targets) {
        List<SlaPolicyDocument.TargetDocument> sorted = new ArrayList<>(targets);
        sorted.sort(java.util.Comparator.comparing((SlaPolicyDocument.TargetDocument t) -> Priority.of(t.priority()))
                .thenComparing(t -> Metric.valueOf(t.metric())));
        return sorted;
    }

    private String targetLabel(String code, String metric) {
        String name =
                priorities.find(code).map(p -> priorities.displayNames().get(p)).orElse(null);
        String priority = name == null || name.equals(code) ? code : code + " · " + name;
        return message("policy.target.label", priority, message("metric." + metric));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String join(List<String> values) {
        return String.join(" ", values);
    }

    private String joinOrNone(List<String> texts) {
        return texts.isEmpty() ? message("policy.none") : String.join("; ", texts);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
