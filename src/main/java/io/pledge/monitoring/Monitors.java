package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import io.pledge.core.Scope;
import io.pledge.monitoring.uptime.MonitorState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored monitors: their definitions, their secrets (as hashes) and where they stand. Reads of
 * monitors for a caller take its {@link Scope}; locks are for Pledge's own work and callers that hold a
 * transaction.
 */
public interface Monitors {

    /** Stores a new monitor; the secret too when {@code secretHash} is not null. */
    void add(Monitor monitor, String secretHash);

    /** Replaces a monitor's definition (not its state); the secret too when {@code secretHash} is not null. */
    void replace(Monitor monitor, String secretHash);

    /** Retires a monitor: no more checks, gone from the API; its downtime stays on record. */
    boolean retire(UUID id, Instant now);

    /** Starts the monitor's status again from PENDING, with no run and no burn-rate alert. */
    void restartStatus(UUID id);

    /** A monitor within the scope (another client's is not found). */
    Optional<Monitor> find(UUID id, Scope scope);

    /** The client's monitors (all clients' when null) within the scope, by name. */
    List<Monitor> list(ClientId client, Scope scope);

    /** Locks the monitor whose secret has this hash, for a heartbeat or an inbound alert. */
    Optional<Monitor> lockBySecret(String secretHash);

    /** Locks a monitor for a change of its state. */
    Optional<Monitor> lock(UUID id);

    /** A monitor claimed for a check: the instant the check was due. */
    record Claim(Monitor monitor, Instant dueAt) {}

    /**
     * Claims active monitors (probes, heartbeat deadlines, burn-rate reviews of external ones) due by
     * {@code horizon}, earliest first, skipping rows another node holds, and moves each one's next check
     * on by whole intervals past {@code now}, so that its offset in the interval stays. Call in a
     * transaction: the move is the claim.
     */
    List<Claim> claimDue(Instant now, Instant horizon, int limit);

    /** Stores a monitor's state after a check, a heartbeat or an alert. */
    void saveState(UUID id, MonitorState state, Instant statusSince);

    /** Stores a check's outcome; the first one recorded starts the monitor's coverage. */
    void saveCheck(UUID id, Monitor.LastCheck check);

    /** Stores a heartbeat; the first one (or a missed deadline) starts the monitor's coverage. */
    void saveBeat(UUID id, Instant at, Instant deadline);

    /**
     * Moves the start of the monitor's coverage back to {@code since} when it is later or unset: data about
     * that instant has come (a missed heartbeat deadline, an alert that started before).
     */
    void watchedFrom(UUID id, Instant since);

    /** Since when the monitor has data; empty while it has none. */
    Optional<Instant> watchedSince(UUID id);

    void saveBurns(UUID id, boolean fast, boolean slow);

    /** How many monitors of a client and kind are in a status. */
    record Count(ClientId client, String kind, String status, long count) {}

    /**
     * Monitors not retired, by their confirmed status ({@code PENDING}, {@code UP}, {@code DOWN}), or
     * {@code PAUSED} while switched off, counted in one aggregate query (for gauges).
     */
    List<Count> countByStatus();
}
