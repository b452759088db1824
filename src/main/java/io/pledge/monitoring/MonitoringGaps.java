package io.pledge.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The monitoring gaps of every node. */
public interface MonitoringGaps {

    /**
     * Records a gap, or stretches the node's latest gap when it ended at most {@code join} before this one
     * starts (consecutive failing rounds are one gap).
     */
    void record(MonitoringGap gap, Duration join);

    /** The gaps overlapping {@code (from, to)}, by start. */
    List<MonitoringGap> between(Instant from, Instant to);
}
