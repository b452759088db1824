package io.pledge.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Checks counted per monitor into their hour and their day (UTC), kept for a retention. */
public interface CheckStatistics {

    /** Counts one check into its hour and its day. Call with the monitor locked. */
    void record(UUID monitorId, Instant at, boolean ok, int latencyMs);

    /** The monitor's statistics of a granularity ({@code HOUR} or {@code DAY}) starting in {@code [from, to)}. */
    List<CheckStat> of(UUID monitorId, String granularity, Instant from, Instant to);

    /** Deletes statistics of this granularity older than {@code before}; returns how many rows. */
    int purge(String granularity, Instant before);
}
