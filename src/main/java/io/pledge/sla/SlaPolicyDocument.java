package io.pledge.sla;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an SLA policy:
 *
 * <pre>{@code
 * {"targets": [{"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M", "calendarId": "…"}],
 *  "thresholds": [0.75, 0.9], "warnBefore": ["PT30M"],
 *  "pauseStatuses": {"RESOLUTION": ["WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR"]},
 *  "reopenRule": "RESUME", "priorityChangeRule": "RETROACTIVE"}
 * }</pre>
 *
 * Absent thresholds, pause statuses and rules take the defaults of {@link SlaPolicy}; {@code warnBefore}
 * (leads before due, in business time) is empty unless given.
 */
public record SlaPolicyDocument(
        List<TargetDocument> targets,
        List<BigDecimal> thresholds,
        List<String> warnBefore,
        Map<String, List<String>> pauseStatuses,
        String reopenRule,
        String priorityChangeRule) {

    /** One target: ISO-8601 business-time duration, optional calendar id of its own. */
    public record TargetDocument(String priority, String metric, String target, String calendarId) {}
}
