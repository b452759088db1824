package io.pledge.advisor.web;

import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if page's proposal: the API's whole policy document as JSON in a text area, and a grid of targets
 * per priority and metric (posted as {@code target-P1-RESOLUTION}) that replaces the document's targets, each
 * keeping the calendar the document gives it (a business-day target, which has no duration, is left as the
 * document gives it while its cell stays empty). A violation the API names is shown next to the grid's cell for
 * a target, and next to the text area, with the API's field in front, for anything else.
 */
final class WhatIfForm {

    private final Map<String, String> targets = new LinkedHashMap<>();
    private String document = "";

    /** The form keys of the document's targets, in the document's order, to put a violation next to its cell. */
    private final List<String> targetOrder = new ArrayList<>();

    static String key(String priority, String metric) {
        return priority + "." + metric;
    }

    /** The form of a policy document: its targets in the grid, the whole of it in the text area. */
    static WhatIfForm of(TierPolicyDocument policy, JsonMapper json) {
        WhatIfForm form = new WhatIfForm();
        for (SlaPolicyDocument.TargetDocument target : policy.targets()) {
            form.targets.put(key(target.priority(), target.metric()), target.target());
        }
        form.document = json.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
        return form;
    }

    /** The posted grid and text area. */
    static WhatIfForm read(MultiValueMap<String, String> fields, PriorityScheme scheme) {
        WhatIfForm form = new WhatIfForm();
        for (Priority priority : scheme.displayNames().keySet()) {
            for (Metric metric : Metric.values()) {
                String value = fields.getFirst("target-" + priority.code() + "-" + metric.name());
                if (value != null && !value.isBlank()) {
                    form.targets.put(key(priority.code(), metric.name()), value.strip());
                }
            }
        }
        String posted = fields.getFirst("document");
        form.document = posted == null ? "" : posted;
        return form;
    }

    /**
     * The document the form stands for: the text area's, its targets replaced by the grid's. JSON that does not
     * read is recorded in {@code violations} under {@code document}, and null is returned.
     */
    TierPolicyDocument toDocument(PriorityScheme scheme, JsonMapper json, Violations violations) {
        TierPolicyDocument read;
        try {
            read = json.readValue(document.isBlank() ? "{}" : document, TierPolicyDocument.class);
        } catch (JacksonException bad) {
            violations.add("document", "is not a policy document in JSON: " + bad.getOriginalMessage());
            return null;
        }
        if (read == null) {
            violations.add("document", "is not a policy document in JSON");
            return null;
        }
        Map<String, String> calendars = new LinkedHashMap<>();
        Map<String, SlaPolicyDocument.TargetDocument> businessDays = new LinkedHashMap<>();
        if (read.targets() != null) {
            for (SlaPolicyDocument.TargetDocument target : read.targets()) {
                if (target != null && target.calendarId() != null) {
                    calendars.put(key(target.priority(), target.metric()), target.calendarId());
                }
                if (target != null && target.businessDays() != null) {
                    businessDays.put(key(target.priority(), target.metric()), target);
                }
            }
        }
        targetOrder.clear();
        List<SlaPolicyDocument.TargetDocument> merged = new ArrayList<>();
        for (Priority priority : scheme.displayNames().keySet()) {
            for (Metric metric : Metric.values()) {
                String key = key(priority.code(), metric.name());
                String duration = targets.get(key);
                if (duration != null) {
                    merged.add(new SlaPolicyDocument.TargetDocument(
                            priority.code(), metric.name(), duration, calendars.get(key)));
                    targetOrder.add(key);
                } else if (businessDays.containsKey(key)) {
                    // A business-day target has no duration for the grid: the document's stays as it is.
                    merged.add(businessDays.get(key));
                    targetOrder.add(key);
                }
            }
        }
        TierPolicyDocument policy = new TierPolicyDocument(
                merged,
                read.thresholds(),
                read.warnBefore(),
                read.pauseStatuses(),
                read.reopenRule(),
                read.priorityChangeRule(),
                read.uptimeTarget(),
                read.credits(),
                read.creditCapPercent(),
                read.creditsPer(),
                read.ticketCredits());
        document = json.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
        return policy;
    }

    /**
     * Where a violation is shown: a target's next to its cell in the grid ({@code target.P1.RESOLUTION}), any
     * other field of the document next to the text area, the API's field kept in front of its message.
     */
    Violation toFormField(Violation violation) {
        String field = violation.field() == null ? "" : violation.field();
        if (field.startsWith("policy.targets[") && field.indexOf(']') > 0) {
            int index = Integer.parseInt(field.substring("policy.targets[".length(), field.indexOf(']')));
            if (index < targetOrder.size() && !field.endsWith(".calendarId")) {
                return new Violation("target." + targetOrder.get(index), violation.message());
            }
        }
        if (field.equals("policy")) {
            return new Violation("document", violation.message());
        }
        if (field.startsWith("policy.")) {
            return new Violation("document", field.substring("policy.".length()) + ": " + violation.message());
        }
        return violation;
    }

    public Map<String, String> getTargets() {
        return targets;
    }

    public String getDocument() {
        return document;
    }
}
