package io.pledge.clients.web;

import io.pledge.calendar.BusinessDayRule;
import io.pledge.clients.CreditStep;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * The policy form's texts, cut into the API's policy document ({@link TierPolicyDocument}), which
 * {@link io.pledge.clients.PolicyTerms#parse} checks: a grid of targets (an ISO-8601 duration and a calendar
 * per priority and metric, posted as {@code target-P1-FIRST_RESPONSE} and {@code calendar-P1-FIRST_RESPONSE}),
 * thresholds as fractions of the target and leads before due separated by spaces, pause statuses as
 * check boxes ({@code pause-RESOLUTION}), one availability credit step per line ({@code 99.9 10}: availability
 * below, credit percent), one response or resolution credit step per line ({@code RESOLUTION P1 95 5}: metric,
 * priority if any, met below, credit percent). Only what is no number is refused here; every other rule is
 * the API's.
 */
public final class PolicyForm {

    private String name;
    private String description;
    private Map<String, String> targets = new LinkedHashMap<>();
    private Map<String, String> calendars = new LinkedHashMap<>();
    private Map<String, List<String>> pauses = new LinkedHashMap<>();
    private String thresholds = "";
    private String warnBefore = "";
    private String reopenRule = "RESUME";
    private String priorityChangeRule = "RETROACTIVE";
    private String uptimeTarget = "";
    private String credits = "";
    private String creditsPer = "MONITOR";
    private String ticketCredits = "";
    private String creditCapPercent = "";

    /** The order the document lists the targets in, as form keys, to put a target's violations next to it. */
    private final List<String> targetOrder = new ArrayList<>();

    /** The form key of a priority and metric: {@code P1.FIRST_RESPONSE}. */
    static String key(Priority priority, Metric metric) {
        return priority.code() + "." + metric.name();
    }

    /** A new tier's form: the default thresholds and pauses, no target. */
    static PolicyForm empty() {
        PolicyForm form = new PolicyForm();
        form.thresholds = "0.75 0.9";
        form.pauses.put(Metric.FIRST_RESPONSE.name(), new ArrayList<>());
        form.pauses.put(Metric.RESOLUTION.name(), new ArrayList<>(List.of("WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR")));
        return form;
    }

    /** The form of a saved version, to start the next one from. */
    static PolicyForm of(TierPolicyDocument document) {
        PolicyForm form = new PolicyForm();
        for (SlaPolicyDocument.TargetDocument target : document.targets()) {
            String key = target.priority() + "." + target.metric();
            form.targets.put(key, target.target() != null ? target.target() : words(target.businessDays()));
            form.calendars.put(key, target.calendarId() == null ? "" : target.calendarId());
        }
        form.thresholds = join(
                document.thresholds().stream().map(BigDecimal::toPlainString).toList(), " ");
        form.warnBefore = join(document.warnBefore(), " ");
        document.pauseStatuses().forEach((metric, statuses) -> form.pauses.put(metric, new ArrayList<>(statuses)));
        form.reopenRule = document.reopenRule();
        form.priorityChangeRule = document.priorityChangeRule();
        form.uptimeTarget = plain(document.uptimeTarget());
        form.credits = join(
                document.credits().stream()
                        .map(step -> plain(step.availabilityBelow()) + " " + plain(step.creditPercent()))
                        .toList(),
                "\n");
        form.creditsPer = document.creditsPer();
        form.ticketCredits = join(
                document.ticketCredits().stream()
                        .map(step -> step.metric() + (step.priority() == null ? "" : " " + step.priority()) + " "
                                + plain(step.metBelow()) + " " + plain(step.creditPercent()))
                        .toList(),
                "\n");
        form.creditCapPercent = plain(document.creditCapPercent());
        return form;
    }

    /** The grid and check boxes, posted under names of their own. */
    void read(MultiValueMap<String, String> fields, PriorityScheme scheme) {
        targets = new LinkedHashMap<>();
        calendars = new LinkedHashMap<>();
        for (Priority priority : scheme.displayNames().keySet()) {
            for (Metric metric : Metric.values()) {
                String posted = priority.code() + "-" + metric.name();
                targets.put(key(priority, metric), fields.getFirst("target-" + posted));
                calendars.put(key(priority, metric), fields.getFirst("calendar-" + posted));
            }
        }
        pauses = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            List<String> checked = fields.get("pause-" + metric.name());
            pauses.put(metric.name(), checked == null ? new ArrayList<>() : new ArrayList<>(checked));
        }
    }

    /**
     * The API's document these texts stand for; a text that is no number where one is expected is recorded
     * in {@code violations} under the form's field, and left out of the document.
     */
    TierPolicyDocument toDocument(PriorityScheme scheme, Violations violations) {
        targetOrder.clear();
        List<SlaPolicyDocument.TargetDocument> targetDocuments = new ArrayList<>();
        for (Priority priority : scheme.displayNames().keySet()) {
            for (Metric metric : Metric.values()) {
                String key = key(priority, metric);
                String duration = targets.get(key);
                if (!blank(duration)) {
                    String calendar = calendars.get(key);
                    // A business-day target is written in the words the form shows it in (ADR 0040).
                    Optional<BusinessDayRule> days = BusinessDayRule.ofWords(duration);
                    targetDocuments.add(new SlaPolicyDocument.TargetDocument(
                            priority.code(),
                            metric.name(),
                            days.isPresent() ? null : duration.strip(),
                            blank(calendar) ? null : calendar,
                            days.map(BusinessDayRule::toDocument).orElse(null)));
                    targetOrder.add(key);
                }
            }
        }
        Map<String, List<String>> pauseStatuses = new LinkedHashMap<>();
        pauses.forEach((metric, statuses) -> pauseStatuses.put(metric, List.copyOf(statuses)));
        List<CreditStep> steps = new ArrayList<>();
        List<String> lines = lines(credits);
        for (int i = 0; i < lines.size(); i++) {
            List<BigDecimal> numbers = numbers("credits", i, lines.get(i), violations);
            if (numbers == null) {
                continue;
            }
            if (numbers.size() != 2) {
                violations.add(
                        "credits", lineText(i) + "two numbers are expected (availability below, credit percent)");
                continue;
            }
            steps.add(new CreditStep(numbers.get(0), numbers.get(1)));
        }
        List<TierPolicyDocument.TicketCreditDocument> ticketSteps = new ArrayList<>();
        lines = lines(ticketCredits);
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split("\\s+");
            if (words.length < 3 || words.length > 4) {
                violations.add(
                        "ticketCredits",
                        lineText(i) + "a metric, a priority if any, met below and credit percent are expected");
                continue;
            }
            List<BigDecimal> numbers =
                    numbers("ticketCredits", i, words[words.length - 2] + " " + words[words.length - 1], violations);
            if (numbers != null) {
                ticketSteps.add(new TierPolicyDocument.TicketCreditDocument(
                        words[0].toUpperCase(java.util.Locale.ROOT),
                        words.length == 4 ? words[1].toUpperCase(java.util.Locale.ROOT) : null,
                        numbers.get(0),
                        numbers.get(1)));
            }
        }
        return new TierPolicyDocument(
                targetDocuments,
                blank(thresholds) ? null : numbers("thresholds", -1, thresholds, violations),
                blank(warnBefore) ? List.of() : List.of(warnBefore.strip().split("[,;\\s]+")),
                pauseStatuses,
                blank(reopenRule) ? null : reopenRule,
                blank(priorityChangeRule) ? null : priorityChangeRule,
                number("uptimeTarget", uptimeTarget, violations),
                steps,
                number("creditCapPercent", creditCapPercent, violations),
                blank(creditsPer) ? null : creditsPer,
                ticketSteps);
    }

    /**
     * Where a violation of the API's document is shown: a target's next to its duration or its calendar, a
     * list's next to the text it was typed in, with the item it names kept in front of the message.
     */
    Violation toFormField(Violation violation) {
        String field = violation.field() == null ? "" : violation.field();
        if (field.startsWith("policy.")) {
            field = field.substring("policy.".length());
        }
        if (field.startsWith("targets[")) {
            int index = Integer.parseInt(field.substring("targets[".length(), field.indexOf(']')));
            if (index < targetOrder.size()) {
                String key = targetOrder.get(index);
                return new Violation(
                        (field.endsWith(".calendarId") ? "calendar." : "target.") + key, violation.message());
            }
        }
        int cut = field.length();
        for (char separator : new char[] {'[', '.'}) {
            int at = field.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String formField = field.substring(0, cut);
        return formField.equals(field)
                ? new Violation(field, violation.message())
                : new Violation(formField, field + ": " + violation.message());
    }

    private static List<BigDecimal> numbers(String field, int line, String text, Violations violations) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (String word : text.strip().split("[;\\s]+")) {
            BigDecimal number = decimal(word);
            if (number == null) {
                violations.add(field, lineText(line) + "\"" + word + "\" is not a number");
                return null;
            }
            numbers.add(number);
        }
        return numbers;
    }

    private static BigDecimal number(String field, String text, Violations violations) {
        if (blank(text)) {
            return null;
        }
        BigDecimal number = decimal(text.strip());
        if (number == null) {
            violations.add(field, "\"" + text.strip() + "\" is not a number");
        }
        return number;
    }

    /** A decimal number, with a point or a comma before its decimals. */
    private static BigDecimal decimal(String word) {
        try {
            return new BigDecimal(word.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String lineText(int line) {
        return line < 0 ? "" : "line " + (line + 1) + ": ";
    }

    private static List<String> lines(String text) {
        return blank(text)
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String join(List<String> values, String separator) {
        return values == null ? "" : String.join(separator, values);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether a status pauses a metric's clock in this form. */
    public boolean pauses(String metric, String status) {
        return pauses.getOrDefault(metric, List.of()).contains(status);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Map<String, String> getTargets() {
        return targets;
    }

    public Map<String, String> getCalendars() {
        return calendars;
    }

    public String getThresholds() {
        return thresholds;
    }

    public void setThresholds(String thresholds) {
        this.thresholds = thresholds;
    }

    public String getWarnBefore() {
        return warnBefore;
    }

    public void setWarnBefore(String warnBefore) {
        this.warnBefore = warnBefore;
    }

    public String getReopenRule() {
        return reopenRule;
    }

    public void setReopenRule(String reopenRule) {
        this.reopenRule = reopenRule;
    }

    public String getPriorityChangeRule() {
        return priorityChangeRule;
    }

    public void setPriorityChangeRule(String priorityChangeRule) {
        this.priorityChangeRule = priorityChangeRule;
    }

    public String getUptimeTarget() {
        return uptimeTarget;
    }

    public void setUptimeTarget(String uptimeTarget) {
        this.uptimeTarget = uptimeTarget;
    }

    public String getCredits() {
        return credits;
    }

    public void setCredits(String credits) {
        this.credits = credits;
    }

    public String getCreditsPer() {
        return creditsPer;
    }

    public void setCreditsPer(String creditsPer) {
        this.creditsPer = creditsPer;
    }

    public String getTicketCredits() {
        return ticketCredits;
    }

    public void setTicketCredits(String ticketCredits) {
        this.ticketCredits = ticketCredits;
    }

    public String getCreditCapPercent() {
        return creditCapPercent;
    }

    public void setCreditCapPercent(String creditCapPercent) {
        this.creditCapPercent = creditCapPercent;
    }

    /** A business-day target as the form writes it, in the words {@link BusinessDayRule#ofWords} reads. */
    private static String words(BusinessDayRule.Document document) {
        BusinessDayRule rule = BusinessDayRule.parse(document, "businessDays", new Violations());
        return rule == null ? "" : rule.describe();
    }
}
