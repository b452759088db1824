package io.pledge.monitoring;

import io.pledge.core.Scope;
import io.pledge.core.Secrets;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.jdbc.MonitoringStore;
import io.pledge.monitoring.uptime.MonitorState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitors: added, changed and retired through the API. A new monitor's first check comes at an
 * offset in its interval drawn from its id, so that monitors created together are checked spread over
 * the interval. Also says whose a monitor is, for access control.
 */
@Service
public class MonitorCatalog {

    private final MonitoringStore store;
    private final MaintenanceSchedules maintenance;
    private final Clock clock;

    MonitorCatalog(MonitoringStore store, MaintenanceSchedules maintenance, Clock clock) {
        this.store = store;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** A monitor saved, with its secret (heartbeat token or inbound secret) when one was issued now. */
    public record Saved(Monitor monitor, String secret) {}

    /** Adds a monitor from a validated draft (id, client and definition; state ignored). */
    @Transactional
    public Saved add(Monitor draft) {
        Instant now = Timestamps.now(clock);
        String secret = needsSecret(draft.kind()) ? Secrets.newSecret() : null;
        Monitor monitor = withSchedule(draft, now, now, null);
        store.insert(monitor, secret == null ? null : Secrets.sha256(secret));
        return new Saved(store.find(monitor.id(), Scope.everything()).orElseThrow(), secret);
    }

    /**
     * Replaces a monitor's definition; its state and downtime stay. A new secret is issued when asked or
     * when the kind now needs one.
     */
    @Transactional
    public Optional<Saved> replace(Monitor draft, boolean newSecret) {
        Optional<Monitor> current = store.lock(draft.id());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Timestamps.now(clock);
        boolean issue = needsSecret(draft.kind()) && (newSecret || current.get().kind() != draft.kind());
        String secret = issue ? Secrets.newSecret() : null;
        Monitor monitor = withSchedule(draft, current.get().createdAt(), now, current.get());
        store.update(monitor, secret == null ? null : Secrets.sha256(secret));
        if (draft.kind() == MonitorKind.EXTERNAL) {
            // Its tool reports from now on, if the monitor was not fed before.
            store.watchedFrom(draft.id(), now);
        }
        if (current.get().active() && !draft.active()) {
            store.stopWatching(draft.id(), now);
        }
        return Optional.of(new Saved(store.find(draft.id(), Scope.everything()).orElseThrow(), secret));
    }

    /** Retires a monitor: its open downtime ends now; its records stay. */
    @Transactional
    public boolean retire(UUID id) {
        Instant now = Timestamps.now(clock);
        if (store.lock(id).isEmpty()) {
            return false;
        }
        store.stopWatching(id, now);
        return store.retire(id, now);
    }

    /** A monitor within the scope. */
    public Optional<Monitor> find(UUID id, Scope scope) {
        return store.find(id, scope);
    }

    /** The monitors of a client (every client's when null) within the scope. */
    public List<Monitor> list(UUID clientId, Scope scope) {
        return store.list(clientId, scope);
    }

    /** UP, DOWN, PENDING, MAINTENANCE (inside a window, whatever the checks say) or PAUSED (inactive). */
    public String statusOf(Monitor monitor) {
        if (!monitor.active()) {
            return "PAUSED";
        }
        if (maintenance.covers(monitor, clock.instant())) {
            return "MAINTENANCE";
        }
        return monitor.state().status().name();
    }

    private static boolean needsSecret(MonitorKind kind) {
        return kind == MonitorKind.HEARTBEAT || kind == MonitorKind.EXTERNAL;
    }

    /** The draft with its creation instant and next check: kept in phase unless the interval or kind changed. */
    private static Monitor withSchedule(Monitor draft, Instant created, Instant now, Monitor current) {
        Instant next;
        if (current != null
                && current.nextCheckAt() != null
                && current.kind() == draft.kind()
                && current.interval().equals(draft.interval())
                && current.active()) {
            next = current.nextCheckAt();
        } else if (draft.kind() == MonitorKind.HEARTBEAT) {
            Instant last = current == null || current.lastBeatAt() == null ? now : current.lastBeatAt();
            next = last.plus(draft.interval()).plus(draft.grace());
        } else {
            long offset = Math.floorMod(
                    draft.id().getLeastSignificantBits(), draft.interval().toMillis());
            next = now.plus(Duration.ofMillis(offset));
        }
        return new Monitor(
                draft.id(),
                draft.clientId(),
                draft.contractId(),
                draft.service(),
                draft.name(),
                draft.kind(),
                draft.settings(),
                draft.interval(),
                draft.timeout(),
                draft.downAfter(),
                draft.upAfter(),
                draft.target(),
                draft.calendarId(),
                draft.active(),
                created,
                now,
                MonitorState.pending(),
                null,
                draft.active() ? next : null,
                null,
                null,
                null,
                null,
                null,
                false,
                false);
    }
}
