package io.pledge.reporting.credits;

import io.pledge.clients.CreditsPer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Availability credits: one line per monitor, or per covered service by its worst monitor. */
final class AvailabilityCredits {

    private AvailabilityCredits() {}

    /** The monitors one line is judged on; the line's availability is the lowest among them. */
    record Group(CreditSubject subject, List<MonitorFigures> monitors) {

        /** The monitor with the lowest availability, the first listed among equals. */
        MonitorFigures worst() {
            MonitorFigures worst = monitors.get(0);
            for (MonitorFigures monitor : monitors) {
                if (monitor.availability().compareTo(worst.availability()) < 0) {
                    worst = monitor;
                }
            }
            return worst;
        }

        Group with(MonitorFigures replaced) {
            List<MonitorFigures> changed = new ArrayList<>();
            for (MonitorFigures monitor : monitors) {
                changed.add(monitor.monitorId().equals(replaced.monitorId()) ? replaced : monitor);
            }
            return of(subject, changed);
        }

        static Group of(CreditSubject subject, List<MonitorFigures> monitors) {
            if (subject instanceof CreditSubject.Service service) {
                MonitorFigures worst = new Group(subject, monitors).worst();
                subject = new CreditSubject.Service(service.service(), worst.monitorId(), worst.name());
            }
            return new Group(subject, List.copyOf(monitors));
        }
    }

    /**
     * The groups the contract's monitors fall into. A monitor of a service outside the contract's scope
     * is left out and named in {@code notCovered}; a monitor tied to no service stands for itself.
     */
    static List<Group> groups(CreditInputs inputs, List<String> notCovered) {
        List<String> scope = inputs.contract().services();
        boolean perService = inputs.policy().terms().creditsPer() == CreditsPer.SERVICE;
        Map<String, List<MonitorFigures>> services = new LinkedHashMap<>();
        Map<String, String> serviceNames = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (MonitorFigures monitor : inputs.monitors()) {
            String service = monitor.service() == null ? null : covered(monitor.service(), scope);
            if (monitor.service() != null && service == null) {
                notCovered.add(monitor.name() + " (service \"" + monitor.service() + "\" is not covered)");
            } else if (!perService || service == null) {
                groups.add(Group.of(
                        new CreditSubject.Monitor(monitor.monitorId(), monitor.name(), monitor.service()),
                        List.of(monitor)));
            } else {
                String key = service.toLowerCase(Locale.ROOT);
                serviceNames.putIfAbsent(key, service);
                services.computeIfAbsent(key, k -> new ArrayList<>()).add(monitor);
            }
        }
        services.forEach((key, monitors) ->
                groups.add(Group.of(new CreditSubject.Service(serviceNames.get(key), null, null), monitors)));
        return groups;
    }

    /** The contract's spelling of a service it covers (every service when it names none); null when not covered. */
    private static String covered(String service, List<String> scope) {
        if (scope.isEmpty()) {
            return service;
        }
        return scope.stream()
                .filter(s -> s.equalsIgnoreCase(service))
                .findFirst()
                .orElse(null);
    }

    static Optional<CreditLine> line(Group group, Schedule schedule, Pricing pricing) {
        MonitorFigures worst = group.worst();
        BigDecimal availability = worst.availability();
        return schedule.deepestHit(availability).map(step -> {
            BigDecimal percent = schedule.percentOwed(availability);
            return new CreditLine(
                    group.subject(),
                    availability,
                    step,
                    percent,
                    pricing.amount(percent),
                    worst.downtimeIds(),
                    exclusions(worst),
                    pricing.policyVersion());
        });
    }

    private static List<Exclusion> exclusions(MonitorFigures monitor) {
        List<Exclusion> exclusions = new ArrayList<>();
        if (!monitor.maintenance().isZero() || !monitor.maintenanceIds().isEmpty()) {
            exclusions.add(new Exclusion(Exclusion.Kind.MAINTENANCE, monitor.maintenance(), monitor.maintenanceIds()));
        }
        if (!monitor.gaps().isZero() || !monitor.gapIds().isEmpty()) {
            exclusions.add(new Exclusion(Exclusion.Kind.MONITORING_GAP, monitor.gaps(), monitor.gapIds()));
        }
        return exclusions;
    }

    /**
     * The least further downtime that takes the group below its next level: for a service, on whichever
     * of its monitors gets there first.
     */
    static CreditForecast.DowntimeHeadroom headroom(Group group, Schedule schedule) {
        BigDecimal availability = group.worst().availability();
        ScheduleStep current = schedule.deepestHit(availability).orElse(null);
        Optional<ScheduleStep> level = schedule.nextLevel(availability);
        Duration least = null;
        MonitorFigures via = null;
        if (level.isPresent()) {
            for (MonitorFigures monitor : group.monitors()) {
                Duration more = moreDowntime(monitor, level.get().below());
                if (more != null && (least == null || more.compareTo(least) < 0)) {
                    least = more;
                    via = monitor;
                }
            }
        }
        if (least == null) {
            return new CreditForecast.DowntimeHeadroom(group.subject(), availability, current, null, null, null);
        }
        Group after = group.with(via.withMoreDowntime(least));
        ScheduleStep next = schedule.deepestHit(after.worst().availability()).orElseThrow();
        return new CreditForecast.DowntimeHeadroom(
                group.subject(), availability, current, next, least, via.monitorId());
    }

    /**
     * The least whole number of seconds of further downtime that brings the monitor's availability
     * strictly below {@code level}; null when nothing is counted (availability stays 100) or it already is.
     * Found by bisection on the availability as stated, so the answer agrees with what {@link
     * ServiceCredits#compute} prices, rounding included.
     */
    static Duration moreDowntime(MonitorFigures monitor, BigDecimal level) {
        Duration counted = monitor.counted();
        if (counted.isZero() || monitor.availability().compareTo(level) < 0) {
            return null;
        }
        Duration room = counted.minus(monitor.downtime());
        long high = room.getSeconds() + (room.getNano() > 0 ? 1 : 0);
        // At `high` the monitor is down for all its counted time: 0 %, below any level above 0.
        long low = 0;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (below(monitor, middle, level)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Duration.ofSeconds(high);
    }

    private static boolean below(MonitorFigures monitor, long seconds, BigDecimal level) {
        return monitor.withMoreDowntime(Duration.ofSeconds(seconds))
                        .availability()
                        .compareTo(level)
                < 0;
    }
}
