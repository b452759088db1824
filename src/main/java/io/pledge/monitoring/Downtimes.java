package io.pledge.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitors' downtime: the SLA's evidence, kept when a monitor is retired. {@code now} is when a
 * record is opened or closed, the interval's bounds are when the system went down and came up.
 */
public interface Downtimes {

    /** Opens a downtime of the monitor from {@code start}. */
    void open(UUID monitorId, Instant start, String source, String reason, Instant now);

    /**
     * Stores an alert's downtime (closed when {@code end} is given) unless one with its key is already
     * stored (an alert sent twice); true when stored.
     */
    boolean addAlert(UUID monitorId, String key, Instant start, Instant end, String source, String reason, Instant now);

    /** Closes the monitor's open downtime of these sources at {@code end}; returns those closed, as they were. */
    List<Downtime> closeOpen(UUID monitorId, List<String> sources, Instant end, Instant now);

    /** Closes an alert's downtime by key, if open; the one closed, as it was. */
    Optional<Downtime> closeAlert(UUID monitorId, String key, Instant end, Instant now);

    /** Ends every open downtime of the monitor now: nothing is known after (paused, retired). */
    void endOpen(UUID monitorId, Instant now);

    /** The monitor's open downtime, by start. */
    List<Downtime> openOf(UUID monitorId);

    /** The monitor's downtime overlapping {@code [from, to)}, open ones included, by start. */
    List<Downtime> overlapping(UUID monitorId, Instant from, Instant to);
}
