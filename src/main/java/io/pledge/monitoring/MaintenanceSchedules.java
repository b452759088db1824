package io.pledge.monitoring;

import io.pledge.core.Scope;
import io.pledge.monitoring.jdbc.MonitoringStore;
import io.pledge.monitoring.jdbc.MonitoringStore.StoredWindow;
import io.pledge.monitoring.uptime.MaintenanceWindow;
import io.pledge.monitoring.uptime.Span;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The maintenance windows that apply to a monitor: its own and its client's. */
@Component
public class MaintenanceSchedules {

    private final MonitoringStore store;

    MaintenanceSchedules(MonitoringStore store) {
        this.store = store;
    }

    /** The maintenance of the monitor inside {@code range}, as a union of spans. */
    public List<Span> within(Monitor monitor, Span range) {
        List<Span> spans = new ArrayList<>();
        for (StoredWindow window : store.windows(monitor.clientId(), monitor.id(), Scope.everything())) {
            spans.addAll(of(window).within(range));
        }
        return Span.union(spans);
    }

    /**
     * A maintenance window created after it started, for a reason: it erased downtime already recorded.
     *
     * @param spans its occurrences inside the range asked for
     */
    public record Retroactive(UUID id, String name, String reason, Instant createdAt, List<Span> spans) {}

    /** The monitor's retroactive windows with occurrences inside {@code range}. */
    public List<Retroactive> retroactiveWithin(Monitor monitor, Span range) {
        List<Retroactive> found = new ArrayList<>();
        for (StoredWindow window : store.windows(monitor.clientId(), monitor.id(), Scope.everything())) {
            if (window.retroactive()) {
                List<Span> spans = of(window).within(range);
                if (!spans.isEmpty()) {
                    found.add(new Retroactive(window.id(), window.name(), window.reason(), window.createdAt(), spans));
                }
            }
        }
        return found;
    }

    public boolean covers(Monitor monitor, Instant instant) {
        return !within(monitor, Span.of(instant, instant.plusNanos(1000))).isEmpty();
    }

    /** The stored window as the calculation sees it. */
    public static MaintenanceWindow of(StoredWindow window) {
        if (window.recurrence().equals("ONCE")) {
            return new MaintenanceWindow.Once(Span.of(window.startsAt(), window.endsAt()));
        }
        return new MaintenanceWindow.Weekly(
                ZoneId.of(window.zone()),
                days(window.days()),
                LocalTime.parse(window.startTime()),
                Duration.ofSeconds(window.durationSeconds()),
                window.startsAt(),
                window.endsAt());
    }

    static java.util.Set<DayOfWeek> days(String days) {
        return Arrays.stream(days.split(",")).map(day -> day(day.strip())).collect(Collectors.toSet());
    }

    /** MON, Monday, monday... */
    public static DayOfWeek day(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + text);
    }
}
