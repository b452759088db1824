package io.pledge.monitoring.uptime;

import io.pledge.monitoring.uptime.MonitorState.Status;
import java.time.Instant;

/**
 * Confirms a status change only after {@code downAfter} consecutive failures (DOWN) or {@code upAfter}
 * consecutive successes (UP). The change is dated at the first check of the confirming run: a downtime
 * starts at the first failed check of the run that confirmed DOWN and ends at the first successful
 * check of the run that confirmed UP. A PENDING monitor becomes UP or DOWN by the same rule.
 */
public record Confirmations(int downAfter, int upAfter) {

    public Confirmations {
        if (downAfter < 1 || upAfter < 1) {
            throw new IllegalArgumentException("confirmations are at least 1: " + downAfter + ", " + upAfter);
        }
    }

    /** What a check changed: the new state, and the confirmed change if there was one. */
    public record Step(MonitorState state, Change change) {}

    /**
     * A confirmed change of status.
     *
     * @param to the new status
     * @param at the first check of the confirming run
     */
    public record Change(Status from, Status to, Instant at) {}

    /** The state after one check that started at {@code at}. Checks must come in time order. */
    public Step apply(MonitorState state, boolean ok, Instant at) {
        int failures = ok ? 0 : state.failures() + 1;
        int successes = ok ? state.successes() + 1 : 0;
        boolean newRun = ok ? successes == 1 : failures == 1;
        Instant runStartedAt = newRun ? at : state.runStartedAt();
        Status status = state.status();
        Change change = null;
        if (ok && status != Status.UP && successes >= upAfter) {
            change = new Change(status, Status.UP, runStartedAt);
            status = Status.UP;
        } else if (!ok && status != Status.DOWN && failures >= downAfter) {
            change = new Change(status, Status.DOWN, runStartedAt);
            status = Status.DOWN;
        }
        return new Step(new MonitorState(status, failures, successes, runStartedAt), change);
    }
}
