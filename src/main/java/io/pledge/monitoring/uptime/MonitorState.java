package io.pledge.monitoring.uptime;

import java.time.Instant;

/**
 * Where a monitor stands between checks: its confirmed status, and the current run of identical
 * outcomes (how long, and the instant of its first check).
 *
 * @param status PENDING until the first confirmation, then UP or DOWN
 * @param failures consecutive failed checks (0 after a success)
 * @param successes consecutive successful checks (0 after a failure)
 * @param runStartedAt the first check of the current run of failures or successes; null before any check
 */
public record MonitorState(Status status, int failures, int successes, Instant runStartedAt) {

    public enum Status {
        PENDING,
        UP,
        DOWN
    }

    public static MonitorState pending() {
        return new MonitorState(Status.PENDING, 0, 0, null);
    }
}
