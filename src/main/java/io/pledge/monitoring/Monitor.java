package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import io.pledge.monitoring.uptime.MonitorState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A check of one critical system of a client, and where it stands.
 *
 * @param client whose system it watches; a monitor stays with its client
 * @param definition what is checked, how often, and what it stands for in the SLA
 * @param standing the confirmed status, the current run of outcomes and the last check
 */
public record Monitor(
        UUID id,
        ClientId client,
        MonitorDefinition definition,
        Standing standing,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Where a monitor stands.
     *
     * @param state the confirmed status and the current run of check outcomes
     * @param statusSince when the confirmed status began; null while PENDING
     * @param nextCheckAt when the next check is due (probes), or the heartbeat deadline; null while paused
     * @param lastCheck the latest check recorded (probes); null before the first
     * @param lastBeatAt the latest heartbeat; null before the first
     * @param fastBurn whether the fast burn-rate alert holds
     * @param slowBurn whether the slow burn-rate alert holds
     */
    public record Standing(
            MonitorState state,
            Instant statusSince,
            Instant nextCheckAt,
            LastCheck lastCheck,
            Instant lastBeatAt,
            boolean fastBurn,
            boolean slowBurn) {

        /** A monitor not checked yet, due at {@code nextCheckAt}. */
        public static Standing pending(Instant nextCheckAt) {
            return new Standing(MonitorState.pending(), null, nextCheckAt, null, null, false, false);
        }

        public Instant lastCheckAt() {
            return lastCheck == null ? null : lastCheck.at();
        }
    }

    /** One check's outcome: when it started, whether it passed, how long it took, why it failed. */
    public record LastCheck(Instant at, boolean ok, int latencyMs, String error) {}

    /** A monitor not stored yet, of a client, from a definition whose target is settled. */
    static Monitor draft(UUID id, ClientId client, MonitorDefinition definition) {
        return new Monitor(id, client, definition, Standing.pending(null), null, null);
    }

    public String name() {
        return definition.name();
    }

    public MonitorKind kind() {
        return definition.kind();
    }

    /** False while paused. */
    public boolean active() {
        return definition.active();
    }

    public Duration interval() {
        return definition.schedule().interval();
    }

    /** Availability target in percent (99.9). */
    public java.math.BigDecimal target() {
        return definition.commitment().target();
    }

    public MonitorState state() {
        return standing.state();
    }

    /** The instant a heartbeat monitor goes DOWN without a call: last call (or creation) + interval + grace. */
    public Instant heartbeatDeadline() {
        Instant last = standing.lastBeatAt() == null ? createdAt : standing.lastBeatAt();
        return last.plus(interval()).plus(grace());
    }

    public Duration grace() {
        Duration grace = definition.probe().settings().grace();
        return grace == null ? Duration.ZERO : grace;
    }
}
