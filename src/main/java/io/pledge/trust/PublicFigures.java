package io.pledge.trust;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.MaintenanceSchedules;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.PeriodUptime;
import io.pledge.sla.ClockState;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.ClockRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes what a published page shows, through the other modules' public APIs only: availability, daily bars
 * and status from {@code monitoring} ({@link AvailabilityQueries}, {@link MonitorCatalog}, {@link
 * MaintenanceSchedules}), clocks from {@code tickets} ({@link ClockRecords}, the rows the compliance report
 * reads), counted as the compliance report counts them: a clock counts in a window when it stopped met or
 * breached inside it, met % = met ÷ stopped to 2 decimals, the median by nearest rank.
 */
@Component
class PublicFigures {

    static final int BAR_DAYS = 90;
    static final Duration MAINTENANCE_AHEAD = Duration.ofDays(30);

    private final MonitorCatalog monitors;
    private final AvailabilityQueries availability;
    private final MaintenanceSchedules maintenance;
    private final ClockRecords clocks;
    private final Clients clients;
    private final ZoneId mspZone;

    PublicFigures(
            MonitorCatalog monitors,
            AvailabilityQueries availability,
            MaintenanceSchedules maintenance,
            ClockRecords clocks,
            Clients clients,
            @Value("${pledge.pages.zone:UTC}") ZoneId mspZone) {
        this.monitors = monitors;
        this.availability = availability;
        this.maintenance = maintenance;
        this.clocks = clocks;
        this.clients = clients;
        this.mspZone = mspZone;
    }

    PageFigures of(TrustPage page, Instant now, List<Incident> incidents) {
        Optional<Client> client = page.client() == null ? Optional.empty() : clients.find(page.client());
        ZoneId zone = client.map(c -> c.details().zone()).orElse(mspZone);
        Instant monthStart = LocalDate.ofInstant(now, zone)
                .withDayOfMonth(1)
                .atStartOfDay(zone)
                .toInstant();

        List<PageFigures.SystemFigures> systems = new ArrayList<>();
        Map<String, Monitor> watched = new LinkedHashMap<>();
        Boolean met = null;
        for (PublishedSystem system : page.systems()) {
            Optional<Monitor> found = monitors.find(system.monitor(), Scope.everything());
            if (found.isEmpty()) {
                continue;
            }
            Monitor monitor = found.get();
            watched.put(system.name(), monitor);
            systems.add(system(system, monitor, now));
            BigDecimal month = availability.uptime(monitor, monthStart, now).availability();
            if (month != null) {
                met = (met == null || met) && month.compareTo(monitor.target()) >= 0;
            }
        }

        List<ClockRecord> records = new ArrayList<>();
        if (!page.figures().isEmpty()) {
            List<UUID> counted = page.client() == null
                    ? clients.all().stream().map(c -> c.id().value()).toList()
                    : List.of(page.client().value());
            for (UUID id : counted) {
                records.addAll(clocks.ofPeriod(id, now.minus(Duration.ofDays(90)), now, Scope.everything()));
            }
        }
        List<PageFigures.ClockFigures> figures = new ArrayList<>();
        for (PublishedFigure figure : page.figures()) {
            List<ClockRecord> mine = records.stream()
                    .filter(r -> r.metric() == figure.metric() && r.priority().equals(figure.priority()))
                    .toList();
            figures.add(new PageFigures.ClockFigures(
                    figure.metric().name(),
                    figure.priority().code(),
                    window(mine, now.minus(Duration.ofDays(30)), now),
                    window(mine, now.minus(Duration.ofDays(90)), now)));
            for (ClockRecord record : mine) {
                if (record.stoppedWithin(monthStart, now)) {
                    met = (met == null || met) && record.state() == ClockState.MET;
                } else if (record.openAndBreachedAt(now)
                        && record.breachedAt() != null
                        && !record.breachedAt().isBefore(monthStart)) {
                    met = false;
                }
            }
        }

        List<Incident> current = incidents.stream().filter(Incident::current).toList();
        List<Incident> history = incidents.stream()
                .filter(i -> !i.current())
                .filter(i -> i.startedAt().isAfter(now.minus(Duration.ofDays(90))))
                .toList();
        return new PageFigures(
                page,
                now,
                zone.getId(),
                status(systems, current),
                systems,
                figures,
                met,
                current,
                history,
                planned(watched, now));
    }

    private PageFigures.SystemFigures system(PublishedSystem system, Monitor monitor, Instant now) {
        BigDecimal target = monitor.target();
        List<PageFigures.Day> days = availability.daily(monitor, BAR_DAYS).stream()
                .map(day -> new PageFigures.Day(day.date(), state(day), day.availability(), day.downtime()))
                .toList();
        boolean probed =
                monitor.kind() != MonitorKind.EXTERNAL && monitor.kind().probed();
        int decimals = Math.max(0, target.stripTrailingZeros().scale());
        return new PageFigures.SystemFigures(
                system.slug(),
                system.name(),
                monitors.statusOf(monitor),
                target,
                decimals,
                shown(
                        availability
                                .uptime(monitor, now.minus(Duration.ofDays(30)), now)
                                .availability(),
                        decimals),
                shown(
                        availability
                                .uptime(monitor, now.minus(Duration.ofDays(90)), now)
                                .availability(),
                        decimals),
                shown(
                        availability
                                .uptime(monitor, now.minus(Duration.ofDays(365)), now)
                                .availability(),
                        decimals),
                days,
                probed ? monitor.definition().schedule().downAfter() : 0,
                probed ? monitor.definition().schedule().upAfter() : 0,
                monitor.definition().commitment().calendar() != null);
    }

    /**
     * An availability with the decimals of its target, rounded down: a figure shown never claims more than was
     * measured, so it shows the target met only when it was.
     */
    static BigDecimal shown(BigDecimal availability, int decimals) {
        return availability == null ? null : availability.setScale(decimals, RoundingMode.DOWN);
    }

    /** A day's bar, as the monitors page draws it (a monitoring gap without downtime is an up day here). */
    private static String state(AvailabilityQueries.Day day) {
        if (day.availability() == null) {
            return "NONE";
        }
        if (!day.downtime().isZero()) {
            return day.target() != null && day.availability().compareTo(day.target()) < 0 ? "DOWN" : "DEGRADED";
        }
        if (!day.maintenance().isZero()) {
            return "MAINTENANCE";
        }
        return "UP";
    }

    private static PageFigures.Window window(List<ClockRecord> records, Instant from, Instant to) {
        List<ClockRecord> stopped =
                records.stream().filter(r -> r.stoppedWithin(from, to)).toList();
        if (stopped.isEmpty()) {
            return new PageFigures.Window(0, 0, null, null);
        }
        long met = stopped.stream().filter(r -> r.state() == ClockState.MET).count();
        List<Duration> times =
                stopped.stream().map(ClockRecord::elapsed).sorted().toList();
        // Nearest rank: the smallest time with at least half of the times at or below it.
        int rank = (int) ((50L * times.size() + 99) / 100);
        return new PageFigures.Window(
                stopped.size(),
                met,
                BigDecimal.valueOf(met)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(stopped.size()), 2, RoundingMode.HALF_EVEN),
                times.get(Math.max(rank, 1) - 1));
    }

    /** The overall status: the worst of the systems' and of the current incidents' impacts. */
    static String status(List<PageFigures.SystemFigures> systems, List<Incident> current) {
        int worst = 0;
        String[] names = {"OPERATIONAL", "MAINTENANCE", "DEGRADED", "PARTIAL_OUTAGE", "MAJOR_OUTAGE"};
        for (PageFigures.SystemFigures system : systems) {
            worst = Math.max(
                    worst,
                    switch (system.status()) {
                        case "DOWN" -> 4;
                        case "MAINTENANCE" -> 1;
                        default -> 0;
                    });
        }
        for (Incident incident : current) {
            worst = Math.max(
                    worst,
                    switch (incident.impact()) {
                        case NONE -> 0;
                        case MINOR -> 2;
                        case MAJOR -> 3;
                        case CRITICAL -> 4;
                    });
        }
        return names[worst];
    }

    /** Current and coming maintenance of the published systems, one line per occurrence, by public names. */
    private List<PageFigures.PlannedMaintenance> planned(Map<String, Monitor> watched, Instant now) {
        Map<List<Instant>, List<String>> occurrences = new LinkedHashMap<>();
        watched.forEach((name, monitor) -> {
            for (PeriodUptime.Interval interval :
                    maintenance.occurrences(monitor, now.minus(Duration.ofDays(8)), now.plus(MAINTENANCE_AHEAD))) {
                if (interval.end() != null && interval.end().isAfter(now)) {
                    occurrences
                            .computeIfAbsent(List.of(interval.start(), interval.end()), k -> new ArrayList<>())
                            .add(name);
                }
            }
        });
        return occurrences.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.get(0).compareTo(b.get(0))))
                .map(e -> new PageFigures.PlannedMaintenance(
                        e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }
}
