package io.pledge.sla;

import io.pledge.calendar.BusinessDayRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an SLA policy:
 *
 * <pre>{@code
 * {"targets": [{"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M", "calendarId": "…"},
 *              {"priority": "P3", "metric": "RESOLUTION", "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "17:00"}}],
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

    /**
     * One target: an ISO-8601 business-time duration ({@code target}) or a business-day deadline
     * ({@code businessDays}, ADR 0040), and an optional calendar id of its own.
     */
    public record TargetDocument(
            String priority, String metric, String target, String calendarId, BusinessDayRule.Document businessDays) {

        /** A target of business time. */
        public TargetDocument(String priority, String metric, String target, String calendarId) {
            this(priority, metric, target, calendarId, null);
        }
    }
}
