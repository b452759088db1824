package io.pledge.sla;

import io.pledge.sla.ClockEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The history of one metric's clock over a ticket's timeline: its cycles, the last one current. */
final class ClockTrack {

    private final Metric metric;
    private final Set<TicketStatus> pauseStatuses;
    private final List<ClockCycle> cycles = new ArrayList<>(2);
    private boolean cancelled;

    ClockTrack(Metric metric, Set<TicketStatus> pauseStatuses) {
        this.metric = metric;
        this.pauseStatuses = pauseStatuses;
    }

    Metric metric() {
        return metric;
    }

    /** The statuses that pause this metric. */
    Set<TicketStatus> pauseStatuses() {
        return pauseStatuses;
    }

    List<ClockCycle> cycles() {
        return cycles;
    }

    ClockCycle current() {
        return cycles.get(cycles.size() - 1);
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Starts the next cycle at {@code t} with its target, noted as {@code kind} (started, reopened, restarted). */
    void startCycle(Instant t, TargetEpoch epoch, Kind kind, TicketStatus status) {
        ClockCycle cycle = new ClockCycle(cycles.size() + 1);
        cycles.add(cycle);
        cycle.start(t, epoch, kind, status, pauseStatuses);
    }

    void cancel(Instant t) {
        cancelled = true;
        if (current().isActive()) {
            current().finish(t, Kind.CANCELLED, "ticket cancelled");
        }
    }
}
