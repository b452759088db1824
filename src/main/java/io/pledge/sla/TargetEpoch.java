package io.pledge.sla;

import java.time.Instant;

/**
 * The part of a clock cycle one target is valid for: from the cycle's start, or from a priority change
 * applied retroactively ({@code retroactive}: the cycle's elapsed time counts against the new target).
 *
 * @param target null when the policy sets no target for the priority and metric
 */
record TargetEpoch(Instant from, Priority priority, Target target, boolean retroactive) {

    String describe() {
        return priority + ", target " + (target == null ? "none" : target.duration());
    }
}
