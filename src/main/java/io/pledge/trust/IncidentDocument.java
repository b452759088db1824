package io.pledge.trust;

import java.util.List;

/**
 * An incident as the API takes it: its first update's status (default INVESTIGATING) and message.
 *
 * @param impact NONE, MINOR (default), MAJOR or CRITICAL
 * @param systems the monitor ids of the page's published systems it affects
 */
public record IncidentDocument(String title, String impact, String status, List<String> systems, String message) {

    /** An update of an incident: the status it sets and what the MSP writes. */
    public record UpdateDocument(String status, String message) {}
}
