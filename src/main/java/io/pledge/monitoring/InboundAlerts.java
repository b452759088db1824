package io.pledge.monitoring;

import io.pledge.core.Secrets;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.uptime.MonitorState;
import io.pledge.monitoring.uptime.MonitorState.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other systems tell Pledge: heartbeats of the clients' systems, and alerts of other monitoring
 * tools opening and closing downtime of external monitors. Each is authenticated by the monitor's own
 * secret (the heartbeat token in its URL, or the bearer secret of an external monitor), and idempotent:
 * an alert sent twice is stored once.
 */
@Service
public class InboundAlerts {

    private final Monitors monitors;
    private final Downtimes downtimes;
    private final Transitions transitions;
    private final Clock clock;

    InboundAlerts(Monitors monitors, Downtimes downtimes, Transitions transitions, Clock clock) {
        this.monitors = monitors;
        this.downtimes = downtimes;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Records a heartbeat; false when the token names no active heartbeat monitor. */
    @Transactional
    public boolean beat(String token) {
        Optional<Monitor> found = monitors.lockBySecret(Secrets.sha256(token))
                .filter(m -> m.kind() == MonitorKind.HEARTBEAT && m.active());
        if (found.isEmpty()) {
            return false;
        }
        Monitor monitor = found.get();
        Instant now = Timestamps.now(clock);
        monitors.saveBeat(monitor.id(), now, now.plus(monitor.interval()).plus(monitor.grace()));
        if (monitor.state().status() != Status.UP) {
            monitors.saveState(monitor.id(), new MonitorState(Status.UP, 0, 1, now), now);
            if (monitor.state().status() == Status.DOWN) {
                transitions.cameUp(monitor, now, now);
            }
        }
        transitions.burns(monitor, now);
        return true;
    }

    /**
     * One alert as another tool reports it. {@code key} identifies the incident across repeats: while a
     * downtime of that key is open, a firing repeat changes nothing; a resolution closes it. {@code labels}
     * are those of an alert of a group (Alertmanager), among which the monitor's labels choose; null for an
     * event addressed to the monitor itself (generic JSON), which its secret alone identifies.
     */
    public record Alert(
            String key, boolean firing, Instant startsAt, Instant endsAt, Map<String, String> labels, String reason) {}

    /** What a batch of alerts changed. */
    public record Applied(int matched, int opened, int closed) {}

    /**
     * Applies alerts to the external monitor whose secret this is; of alerts with labels, only those
     * carrying all of the monitor's labels concern it. A firing alert opens downtime from its start (once per key); a resolved
     * one closes it at its end, or stores it closed when its firing was never received. The monitor is
     * DOWN while any of its alerts is open. Empty when the secret names no external monitor.
     */
    @Transactional
    public Optional<Applied> apply(String secret, String source, List<Alert> alerts) {
        Optional<Monitor> found =
                monitors.lockBySecret(Secrets.sha256(secret)).filter(m -> m.kind() == MonitorKind.EXTERNAL);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Monitor monitor = found.get();
        Instant now = Timestamps.now(clock);
        Map<String, String> wanted = monitor.definition().probe().settings().labels() == null
                ? Map.of()
                : monitor.definition().probe().settings().labels();
        int matched = 0;
        int opened = 0;
        int closed = 0;
        boolean wasDown = !downtimes.openOf(monitor.id()).isEmpty();
        for (Alert alert : alerts) {
            if (alert.labels() != null && !alert.labels().entrySet().containsAll(wanted.entrySet())) {
                continue;
            }
            matched++;
            String prefix = source + ":" + alert.key() + "@";
            List<Downtime> openOfAlert = downtimes.openOf(monitor.id()).stream()
                    .filter(d -> d.alertKey() != null && d.alertKey().startsWith(prefix))
                    .toList();
            if (alert.firing()) {
                if (openOfAlert.isEmpty()
                        && downtimes.addAlert(
                                monitor.id(),
                                prefix + alert.startsAt(),
                                alert.startsAt(),
                                null,
                                source,
                                alert.reason(),
                                now)) {
                    monitors.watchedFrom(monitor.id(), alert.startsAt());
                    opened++;
                }
            } else {
                Instant end =
                        alert.endsAt() == null || alert.endsAt().isBefore(alert.startsAt()) ? now : alert.endsAt();
                for (Downtime downtime : openOfAlert) {
                    downtimes.closeAlert(
                            monitor.id(),
                            downtime.alertKey(),
                            end.isBefore(downtime.start()) ? downtime.start() : end,
                            now);
                    closed++;
                }
                // A resolution whose firing never arrived is still a downtime that happened.
                if (openOfAlert.isEmpty()
                        && source.equals("ALERTMANAGER")
                        && downtimes.addAlert(
                                monitor.id(),
                                prefix + alert.startsAt(),
                                alert.startsAt(),
                                end,
                                source,
                                alert.reason(),
                                now)) {
                    monitors.watchedFrom(monitor.id(), alert.startsAt());
                    closed++;
                }
            }
        }
        List<Downtime> open = downtimes.openOf(monitor.id());
        if (!wasDown && !open.isEmpty()) {
            Downtime first =
                    open.stream().min(Comparator.comparing(Downtime::start)).orElseThrow();
            monitors.saveState(monitor.id(), new MonitorState(Status.DOWN, 0, 0, first.start()), first.start());
            transitions.published(monitor, first.start(), first.reason(), now);
        } else if (wasDown && open.isEmpty()) {
            List<Downtime> recent = downtimes.overlapping(
                    monitor.id(),
                    monitor.standing().statusSince() == null
                            ? Instant.EPOCH
                            : monitor.standing().statusSince(),
                    now.plusSeconds(1));
            Instant upAt = recent.stream()
                    .map(Downtime::end)
                    .filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(now);
            monitors.saveState(monitor.id(), new MonitorState(Status.UP, 0, 0, upAt), upAt);
            transitions.publishedUp(
                    monitor,
                    monitor.standing().statusSince() == null
                            ? upAt
                            : monitor.standing().statusSince(),
                    upAt,
                    now);
        } else if (monitor.state().status() == Status.PENDING && open.isEmpty()) {
            monitors.saveState(monitor.id(), new MonitorState(Status.UP, 0, 0, now), now);
        }
        transitions.burns(monitor, now);
        return Optional.of(new Applied(matched, opened, closed));
    }
}
