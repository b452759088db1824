package io.pledge.monitoring;

import io.pledge.calendar.Calendars;
import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.Tiers;
import io.pledge.core.Scope;
import io.pledge.core.Secrets;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import java.math.BigDecimal;
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
 * the interval. A definition is validated by {@link MonitorDefinition#parse}; its references (client,
 * contract and service, calendar) are checked here (422), and a target it leaves out is its contract's
 * tier's uptime target, else {@link MonitorDefinition#DEFAULT_TARGET}.
 */
@Service
public class MonitorCatalog {

    private final Monitors monitors;
    private final Downtimes downtimes;
    private final MaintenanceSchedules maintenance;
    private final Clients clients;
    private final Contracts contracts;
    private final Calendars calendars;
    private final Tiers tiers;
    private final Clock clock;

    MonitorCatalog(
            Monitors monitors,
            Downtimes downtimes,
            MaintenanceSchedules maintenance,
            Clients clients,
            Contracts contracts,
            Calendars calendars,
            Tiers tiers,
            Clock clock) {
        this.monitors = monitors;
        this.downtimes = downtimes;
        this.maintenance = maintenance;
        this.clients = clients;
        this.contracts = contracts;
        this.calendars = calendars;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** A monitor saved, with its secret (heartbeat token or inbound secret) when one was issued now. */
    public record Saved(Monitor monitor, String secret) {}

    /**
     * Adds a monitor from a document naming its client.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400)
     * @throws UnprocessableException naming a reference that does not hold (422)
     */
    @Transactional
    public Saved add(MonitorDocument document) {
        Violations violations = new Violations();
        if (document.client() == null || document.client().isBlank()) {
            violations.add("client", "is required");
        }
        MonitorDefinition definition = MonitorDefinition.parse(document, violations);
        violations.throwIfAny();
        Client client = clients.findByReference(document.client())
                .orElseThrow(
                        () -> new UnprocessableException("client", "unknown client \"" + document.client() + "\""));
        Monitor draft = Monitor.draft(UUID.randomUUID(), client.id(), settled(definition, client.id()));
        Instant now = Timestamps.now(clock);
        String secret = needsSecret(draft.kind()) ? Secrets.newSecret() : null;
        Monitor monitor = withSchedule(draft, now, now, null);
        monitors.add(monitor, secret == null ? null : Secrets.sha256(secret));
        return new Saved(monitors.find(monitor.id(), Scope.everything()).orElseThrow(), secret);
    }

    /**
     * Replaces the definition of a monitor within the scope; its client, state and downtime stay. A new
     * secret is issued when the document asks ({@code newSecret}) or when the kind now needs one. Empty
     * when there is no such monitor.
     */
    @Transactional
    public Optional<Saved> replace(UUID id, MonitorDocument document, Scope scope) {
        Optional<Monitor> found = monitors.find(id, scope);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Violations violations = new Violations();
        MonitorDefinition definition = MonitorDefinition.parse(document, violations);
        violations.throwIfAny();
        ClientId client = found.get().client();
        if (document.client() != null
                && clients.findByReference(document.client())
                        .map(c -> !c.id().equals(client))
                        .orElse(true)) {
            throw new UnprocessableException("client", "a monitor stays with its client");
        }
        Monitor draft = Monitor.draft(id, client, settled(definition, client));
        boolean newSecret = Boolean.TRUE.equals(document.newSecret());
        Optional<Monitor> current = monitors.lock(draft.id());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Timestamps.now(clock);
        boolean issue = needsSecret(draft.kind()) && (newSecret || current.get().kind() != draft.kind());
        String secret = issue ? Secrets.newSecret() : null;
        Monitor monitor = withSchedule(draft, current.get().createdAt(), now, current.get());
        monitors.replace(monitor, secret == null ? null : Secrets.sha256(secret));
        if (draft.kind() == MonitorKind.EXTERNAL) {
            // Its tool reports from now on, if the monitor was not fed before.
            monitors.watchedFrom(draft.id(), now);
        }
        if (current.get().active() && !draft.active()) {
            stopWatching(draft.id(), now);
        }
        return Optional.of(
                new Saved(monitors.find(draft.id(), Scope.everything()).orElseThrow(), secret));
    }

    /** Retires a monitor: its open downtime ends now; its records stay. */
    @Transactional
    public boolean retire(UUID id) {
        Instant now = Timestamps.now(clock);
        if (monitors.lock(id).isEmpty()) {
            return false;
        }
        stopWatching(id, now);
        return monitors.retire(id, now);
    }

    /**
     * Ends what a monitor that stops being watched leaves open: its downtime ends now (nothing is known
     * after), and its status starts again from PENDING.
     */
    private void stopWatching(UUID id, Instant now) {
        downtimes.endOpen(id, now);
        monitors.restartStatus(id);
    }

    /** A monitor within the scope. */
    public Optional<Monitor> find(UUID id, Scope scope) {
        return monitors.find(id, scope);
    }

    /**
     * The monitors of a client (id or slug; every client's when null) within the scope; a client outside
     * the scope is as unknown as one that does not exist (422).
     */
    public List<Monitor> list(String client, Scope scope) {
        ClientId clientId = client == null
                ? null
                : clients.findByReference(client, scope)
                        .orElseThrow(() -> new UnprocessableException("client", "unknown client \"" + client + "\""))
                        .id();
        return monitors.list(clientId, scope);
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

    /**
     * The definition with its references checked (the contract is the client's and covers the service,
     * the calendar exists) and its target settled.
     */
    private MonitorDefinition settled(MonitorDefinition definition, ClientId client) {
        MonitorDefinition.Commitment commitment = definition.commitment();
        BigDecimal target = commitment.target();
        if (commitment.contract() != null) {
            Contract found = contracts
                    .find(commitment.contract())
                    .filter(c -> c.client().equals(client))
                    .orElseThrow(() -> new UnprocessableException(
                            "contractId", "no contract " + commitment.contract() + " of this client"));
            List<String> covered = found.terms().services();
            String service = commitment.service();
            if (service != null && covered != null && !covered.isEmpty() && !covered.contains(service)) {
                throw new UnprocessableException(
                        "service", "\"" + service + "\" is not among the contract's services " + covered);
            }
            if (target == null) {
                target = contractTarget(found);
            }
        }
        if (target == null) {
            target = MonitorDefinition.DEFAULT_TARGET;
        }
        if (commitment.calendar() != null && !calendars.exists(commitment.calendar())) {
            throw new UnprocessableException("calendarId", "unknown calendar " + commitment.calendar());
        }
        return definition.withTarget(target.stripTrailingZeros());
    }

    /**
     * The uptime target of the contract's tier policy in force now, when it sets one below 100 % (a 100 %
     * target leaves no error budget to measure); else none.
     */
    private BigDecimal contractTarget(Contract contract) {
        return tiers.policyAt(contract.terms().tier(), clock.instant())
                .map(policy -> policy.terms().uptimeTarget())
                .filter(uptime -> uptime != null && uptime.compareTo(BigDecimal.valueOf(100)) < 0)
                .orElse(null);
    }

    private static boolean needsSecret(MonitorKind kind) {
        return kind == MonitorKind.HEARTBEAT || kind == MonitorKind.EXTERNAL;
    }

    /** The draft with its creation instant and next check: kept in phase unless the interval or kind changed. */
    private static Monitor withSchedule(Monitor draft, Instant created, Instant now, Monitor current) {
        Instant next;
        if (current != null
                && current.standing().nextCheckAt() != null
                && current.kind() == draft.kind()
                && current.interval().equals(draft.interval())
                && current.active()) {
            next = current.standing().nextCheckAt();
        } else if (draft.kind() == MonitorKind.HEARTBEAT) {
            Instant last = current == null || current.standing().lastBeatAt() == null
                    ? now
                    : current.standing().lastBeatAt();
            next = last.plus(draft.interval()).plus(draft.grace());
        } else {
            long offset = Math.floorMod(
                    draft.id().getLeastSignificantBits(), draft.interval().toMillis());
            next = now.plus(Duration.ofMillis(offset));
        }
        return new Monitor(
                draft.id(),
                draft.client(),
                draft.definition(),
                Monitor.Standing.pending(draft.active() ? next : null),
                created,
                now);
    }
}
