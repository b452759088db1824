package io.pledge.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy's thresholds (its ratios, then its leads before due, then the breach) and the business time
 * each amounts to for a target, in nanoseconds: computed once per target duration of the policy, and
 * for any other budget (a business-day target's) when asked.
 */
final class ThresholdAmounts {

    private final List<Threshold> thresholds;
    private final Map<Duration, long[]> amounts;

    ThresholdAmounts(SlaPolicy policy) {
        List<Threshold> all = new ArrayList<>();
        policy.thresholds().forEach(ratio -> all.add(Threshold.ratio(ratio)));
        policy.warnBefore().forEach(lead -> all.add(Threshold.beforeDue(lead)));
        all.add(Threshold.BREACH);
        this.thresholds = List.copyOf(all);
        Map<Duration, long[]> computed = new HashMap<>();
        for (Target target : policy.targets()) {
            // A business-day target's budget depends on its clock's start: computed when asked.
            if (!target.isBusinessDays()) {
                computed.computeIfAbsent(target.duration(), this::compute);
            }
        }
        this.amounts = Map.copyOf(computed);
    }

    /** The threshold at an index of {@link #of}'s amounts. */
    Threshold threshold(int index) {
        return thresholds.get(index);
    }

    /** The amounts of every threshold for a target, in nanoseconds, breach last; not to be modified. */
    long[] of(Duration target) {
        long[] cached = amounts.get(target);
        return cached != null ? cached : compute(target);
    }

    private long[] compute(Duration target) {
        long[] computed = new long[thresholds.size()];
        for (int r = 0; r < computed.length; r++) {
            computed[r] = thresholds.get(r).elapsedAt(target).toNanos();
        }
        return computed;
    }
}
