package io.pledge.sla;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What a policy says a replay needs to know, in the shape it asks for it on every event. */
final class ClockRules {

    private final SlaPolicy policy;
    /** Pause statuses by metric, as EnumSets: membership is tested on every status change. */
    private final Map<Metric, Set<TicketStatus>> pauseStatuses = new EnumMap<>(Metric.class);

    private final Map<Metric, Map<Priority, Target>> targets = new EnumMap<>(Metric.class);

    ClockRules(SlaPolicy policy) {
        this.policy = policy;
        for (Metric metric : Metric.values()) {
            targets.put(metric, new HashMap<>());
            Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
            statuses.addAll(policy.pauseStatuses().get(metric));
            pauseStatuses.put(metric, statuses);
        }
        for (Target target : policy.targets()) {
            targets.get(target.metric()).put(target.priority(), target);
        }
    }

    ReopenRule reopenRule() {
        return policy.reopenRule();
    }

    PriorityChangeRule priorityChangeRule() {
        return policy.priorityChangeRule();
    }

    Set<TicketStatus> pauseStatuses(Metric metric) {
        return pauseStatuses.get(metric);
    }

    /** The target of a priority for a metric, or null when the policy sets none. */
    Target target(Metric metric, Priority priority) {
        return targets.get(metric).get(priority);
    }
}
