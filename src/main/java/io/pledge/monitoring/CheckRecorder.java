package io.pledge.monitoring;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.probe.ProbeResult;
import io.pledge.monitoring.uptime.Confirmations;
import io.pledge.monitoring.uptime.MonitorState;
import io.pledge.monitoring.uptime.MonitorState.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a check round found, one monitor per transaction with its row locked: the check's
 * statistics, the confirmation of a change, its downtime and events; and the heartbeat deadlines and
 * burn-rate reviews that come due.
 */
@Component
class CheckRecorder {

    private final Monitors monitors;
    private final CheckStatistics statistics;
    private final Transitions transitions;
    private final Clock clock;

    CheckRecorder(Monitors monitors, CheckStatistics statistics, Transitions transitions, Clock clock) {
        this.monitors = monitors;
        this.statistics = statistics;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * Records one check that started at {@code at}. A check result that arrives after a later one was
     * recorded (a slow check overtaken by the next) is counted in the statistics only.
     */
    @Transactional
    public void record(UUID monitorId, Instant at, ProbeResult result) {
        Monitor monitor = monitors.lock(monitorId).orElse(null);
        if (monitor == null || !monitor.active() || !monitor.kind().probed()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        int latency = (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis());
        statistics.record(monitorId, at, result.ok(), latency);
        Instant lastCheckAt = monitor.standing().lastCheckAt();
        if (lastCheckAt != null && at.isBefore(lastCheckAt)) {
            return;
        }
        monitors.saveCheck(monitorId, new Monitor.LastCheck(at, result.ok(), latency, result.error()));
        Confirmations.Step step = new Confirmations(
                        monitor.definition().schedule().downAfter(),
                        monitor.definition().schedule().upAfter())
                .apply(monitor.state(), result.ok(), at);
        Confirmations.Change change = step.change();
        monitors.saveState(
                monitorId, step.state(), change == null ? monitor.standing().statusSince() : change.at());
        if (change != null && change.to() == Status.DOWN) {
            transitions.wentDown(monitor, change.at(), "CHECKS", result.error(), now);
        } else if (change != null && change.from() == Status.DOWN) {
            transitions.cameUp(monitor, change.at(), now);
        }
        transitions.burns(monitor, now);
    }

    /** A heartbeat monitor's deadline came: DOWN since the deadline unless a call came in time. */
    @Transactional
    public void deadline(UUID monitorId) {
        Monitor monitor = monitors.lock(monitorId).orElse(null);
        if (monitor == null || !monitor.active() || monitor.kind() != MonitorKind.HEARTBEAT) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Instant deadline = monitor.heartbeatDeadline();
        if (!now.isBefore(deadline) && monitor.state().status() != Status.DOWN) {
            monitors.saveState(monitorId, new MonitorState(Status.DOWN, 1, 0, deadline), deadline);
            monitors.watchedFrom(monitorId, deadline);
            String reason = monitor.standing().lastBeatAt() == null
                    ? "no heartbeat since the monitor was created"
                    : "no heartbeat since " + monitor.standing().lastBeatAt();
            transitions.wentDown(monitor, deadline, "HEARTBEAT", reason, now);
        }
        transitions.burns(monitor, now);
    }

    /** Reviews an external monitor's burn-rate alerts as time passes. */
    @Transactional
    public void review(UUID monitorId) {
        monitors.lock(monitorId)
                .filter(Monitor::active)
                .ifPresent(monitor -> transitions.burns(monitor, Timestamps.now(clock)));
    }
}
