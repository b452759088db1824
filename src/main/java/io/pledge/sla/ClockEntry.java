package io.pledge.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of a clock's explanation: what happened, when, and the elapsed business time at that point
 * (counted against the target in force for that part of the timeline).
 *
 * @param detail the status, priority and target, ratio or reason that goes with the kind
 * @param retroactive for a threshold: crossed before the priority change that revealed it
 */
public record ClockEntry(Kind kind, Instant at, Duration elapsed, int cycle, String detail, boolean retroactive) {

    /** What a clock entry records. */
    public enum Kind {
        STARTED,
        PAUSED,
        RESUMED,
        RETARGETED,
        THRESHOLD,
        BREACHED,
        STOPPED,
        REOPENED,
        RESTARTED,
        CANCELLED
    }
}
