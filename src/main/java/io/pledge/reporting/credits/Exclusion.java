package io.pledge.reporting.credits;

import java.time.Duration;
import java.util.List;

/**
 * Time the contract does not count against the MSP, as the inputs gave it, shown on the line it
 * concerns.
 *
 * @param time the excluded time, in the calendar the figure is counted in
 * @param evidence the ids of what was excluded (maintenance windows, monitoring gaps), when known
 */
public record Exclusion(Kind kind, Duration time, List<String> evidence) {

    public enum Kind {
        /** Maintenance windows: neither up nor down. */
        MAINTENANCE,
        /** Monitoring gaps: the monitoring itself could not see, so nothing is claimed either way. */
        MONITORING_GAP,
        /** Clocks paused while waiting on the client. */
        WAITING_ON_CLIENT
    }

    public Exclusion {
        evidence = List.copyOf(evidence);
    }
}
