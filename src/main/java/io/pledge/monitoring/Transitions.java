package io.pledge.monitoring;

import io.pledge.monitoring.uptime.BurnAlerts;
import io.pledge.monitoring.uptime.Span;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records confirmed changes of a monitor, in the caller's transaction (with the monitor locked): opens
 * or closes its downtime and publishes {@link MonitorWentDown} or {@link MonitorCameUp}, once per
 * change; then re-evaluates its burn-rate alerts and publishes {@link ErrorBudgetBurning} and {@link
 * ErrorBudgetBurnEnded} when one starts or stops.
 */
@Component
class Transitions {

    static final List<String> OWN_SOURCES = List.of("CHECKS", "HEARTBEAT");

    private final Monitors monitors;
    private final Downtimes downtimes;
    private final MonitoringGaps gaps;
    private final MaintenanceSchedules maintenance;
    private final ApplicationEventPublisher events;

    Transitions(
            Monitors monitors,
            Downtimes downtimes,
            MonitoringGaps gaps,
            MaintenanceSchedules maintenance,
            ApplicationEventPublisher events) {
        this.monitors = monitors;
        this.downtimes = downtimes;
        this.gaps = gaps;
        this.maintenance = maintenance;
        this.events = events;
    }

    /** Opens the monitor's downtime from {@code since} (probes and heartbeats). */
    void wentDown(Monitor monitor, Instant since, String source, String reason, Instant now) {
        downtimes.open(monitor.id(), since, source, reason, now);
        published(monitor, since, reason, now);
    }

    /** Publishes a change to DOWN whose downtime is already stored (alerts). */
    void published(Monitor monitor, Instant since, String reason, Instant now) {
        events.publishEvent(new MonitorWentDown(
                monitor.id(),
                monitor.client(),
                monitor.name(),
                monitor.kind(),
                since,
                now,
                reason,
                maintenance.covers(monitor, now)));
    }

    /** Closes the monitor's open downtime (probes and heartbeats) at {@code upAt}. */
    void cameUp(Monitor monitor, Instant upAt, Instant now) {
        List<Downtime> closed = downtimes.closeOpen(monitor.id(), OWN_SOURCES, upAt, now);
        Instant since = closed.stream()
                .map(Downtime::start)
                .min(Instant::compareTo)
                .orElse(
                        monitor.standing().statusSince() == null
                                ? upAt
                                : monitor.standing().statusSince());
        publishedUp(monitor, since, upAt, now);
    }

    void publishedUp(Monitor monitor, Instant since, Instant upAt, Instant now) {
        events.publishEvent(new MonitorCameUp(
                monitor.id(),
                monitor.client(),
                monitor.name(),
                monitor.kind(),
                since,
                upAt,
                now,
                maintenance.covers(monitor, now)));
    }

    /**
     * Re-evaluates the burn-rate alerts of a monitor at {@code now}; cheap when nothing burns: it reads
     * only the last six hours.
     */
    void burns(Monitor monitor, Instant now) {
        Span window = Span.of(now.minus(BurnSeverity.SLOW.longWindow()), now);
        List<Span> down = downtimes.overlapping(monitor.id(), window.start(), now).stream()
                .map(d -> d.until(now))
                .toList();
        if (down.isEmpty()
                && !monitor.standing().fastBurn()
                && !monitor.standing().slowBurn()) {
            return;
        }
        List<Span> maintained = maintenance.within(monitor, window);
        List<Span> blind = monitor.kind().probed()
                ? gaps.between(window.start(), now).stream()
                        .map(g -> Span.of(g.start(), g.end()))
                        .toList()
                : List.of();
        BurnAlerts.Rates rates = BurnAlerts.at(now, down, maintained, blind, monitor.target());
        boolean fast = rates.burning(BurnAlerts.Severity.FAST);
        boolean slow = rates.burning(BurnAlerts.Severity.SLOW);
        if (fast == monitor.standing().fastBurn() && slow == monitor.standing().slowBurn()) {
            return;
        }
        monitors.saveBurns(monitor.id(), fast, slow);
        announce(monitor, BurnSeverity.FAST, monitor.standing().fastBurn(), fast, rates.last1h(), rates.last5m(), now);
        announce(monitor, BurnSeverity.SLOW, monitor.standing().slowBurn(), slow, rates.last6h(), rates.last30m(), now);
    }

    private void announce(
            Monitor monitor,
            BurnSeverity severity,
            boolean was,
            boolean is,
            double longRate,
            double shortRate,
            Instant now) {
        if (is && !was) {
            events.publishEvent(new ErrorBudgetBurning(
                    monitor.id(),
                    monitor.client(),
                    monitor.name(),
                    severity,
                    longRate,
                    shortRate,
                    monitor.target(),
                    now));
        } else if (was && !is) {
            events.publishEvent(
                    new ErrorBudgetBurnEnded(monitor.id(), monitor.client(), monitor.name(), severity, now));
        }
    }
}
