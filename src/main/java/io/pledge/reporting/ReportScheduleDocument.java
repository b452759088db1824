package io.pledge.reporting;

/**
 * The JSON form of a client's report schedule: {@code {"enabled": true, "monthly": true, "quarterly": true,
 * "daysAfterClose": 3, "startsOn": "2026-10-01"}}. Every field is optional: enabled unless {@code enabled}
 * is false, no cadence unless set, {@code pledge.reports.days-after-close} days, and the periods holding
 * today in the client's zone.
 */
public record ReportScheduleDocument(
        Boolean enabled, Boolean monthly, Boolean quarterly, Integer daysAfterClose, String startsOn) {}
