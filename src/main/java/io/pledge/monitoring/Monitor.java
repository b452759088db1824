package io.pledge.monitoring;

import io.pledge.monitoring.uptime.MonitorState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A check of one critical system of a client, and where it stands.
 *
 * @param contractId the contract whose service it watches, if tied to one
 * @param target availability target in percent (99.9)
 * @param calendarId the calendar availability is counted in; null for {@code 24x7}
 * @param state the confirmed status and the current run of check outcomes
 * @param nextCheckAt when the next check is due (probes), or the heartbeat deadline
 */
public record Monitor(
        UUID id,
        UUID clientId,
        UUID contractId,
        String service,
        String name,
        MonitorKind kind,
        MonitorSettings settings,
        Duration interval,
        Duration timeout,
        int downAfter,
        int upAfter,
        BigDecimal target,
        UUID calendarId,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        MonitorState state,
        Instant statusSince,
        Instant nextCheckAt,
        Instant lastCheckAt,
        Boolean lastOk,
        Integer lastLatencyMs,
        String lastError,
        Instant lastBeatAt,
        boolean fastBurn,
        boolean slowBurn) {

    /** A monitor not stored yet, of a client, from a definition whose target is settled. */
    static Monitor draft(UUID id, UUID clientId, MonitorDefinition definition) {
        MonitorDefinition.Commitment commitment = definition.commitment();
        return new Monitor(
                id,
                clientId,
                commitment.contract() == null ? null : commitment.contract().value(),
                commitment.service(),
                definition.name(),
                definition.kind(),
                definition.probe().settings(),
                definition.schedule().interval(),
                definition.probe().timeout(),
                definition.schedule().downAfter(),
                definition.schedule().upAfter(),
                commitment.target(),
                commitment.calendar() == null ? null : commitment.calendar().value(),
                definition.active(),
                null,
                null,
                MonitorState.pending(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false);
    }

    /** The instant a heartbeat monitor goes DOWN without a call: last call (or creation) + interval + grace. */
    public Instant heartbeatDeadline() {
        Instant last = lastBeatAt == null ? createdAt : lastBeatAt;
        return last.plus(interval).plus(grace());
    }

    public Duration grace() {
        return settings.grace() == null ? Duration.ZERO : settings.grace();
    }
}
