package io.pledge.monitoring;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.Durations;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.uptime.MaintenanceWindow;
import io.pledge.monitoring.uptime.Span;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned maintenance, one-off or weekly, of one monitor or of every monitor of a client, and the
 * windows that apply to a monitor: its own and its client's. A window starts now or later: one that
 * starts before now would erase downtime already recorded, so it is taken only when the document says
 * {@code "retroactive": true} with a {@code reason}; it is stored so flagged and audited with its reason.
 */
@Component
public class MaintenanceSchedules {

    private final MaintenanceWindows windows;
    private final Monitors monitors;
    private final Clients clients;
    private final AuditLog audit;
    private final Clock clock;

    MaintenanceSchedules(MaintenanceWindows windows, Monitors monitors, Clients clients, AuditLog audit, Clock clock) {
        this.windows = windows;
        this.monitors = monitors;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Plans a window from a document naming its client (and its monitor, if only one).
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400)
     * @throws UnprocessableException when the client or the monitor is unknown (422)
     */
    @Transactional
    public StoredMaintenanceWindow plan(MaintenanceWindowDocument document) {
        Instant now = Timestamps.now(clock);
        Violations violations = new Violations();
        StoredMaintenanceWindow parsed = parse(document, now, violations);
        violations.throwIfAny();
        Client client = clients.findByReference(document.client())
                .orElseThrow(
                        () -> new UnprocessableException("client", "unknown client \"" + document.client() + "\""));
        UUID monitorId = parsed.monitorId();
        if (monitorId != null
                && monitors.find(monitorId, Scope.everything())
                        .map(m -> !m.client().equals(client.id()))
                        .orElse(true)) {
            throw new UnprocessableException("monitorId", "no monitor " + monitorId + " of this client");
        }
        StoredMaintenanceWindow window = new StoredMaintenanceWindow(
                parsed.id(),
                client.id(),
                monitorId,
                parsed.name(),
                parsed.recurrence(),
                parsed.startsAt(),
                parsed.endsAt(),
                parsed.zone(),
                parsed.days(),
                parsed.startTime(),
                parsed.durationSeconds(),
                parsed.createdAt(),
                parsed.retroactive(),
                parsed.reason());
        windows.add(window);
        if (window.retroactive()) {
            audit.append(new AuditLog.Change(
                    AuditLog.PLEDGE_CHAIN,
                    AuditLog.currentActor(),
                    "maintenance.retroactive",
                    "/api/v1/maintenance-windows/" + window.id(),
                    "retroactive=true;client=" + window.client()
                            + (monitorId == null ? "" : ";monitor=" + monitorId)
                            + ";startsAt=" + window.startsAt()
                            + (window.endsAt() == null ? "" : ";endsAt=" + window.endsAt())
                            + ";reason=" + window.reason()));
        }
        return window;
    }

    /**
     * The windows within the scope, of one client (id or slug) and of one monitor (with its client's) if
     * given; an unknown or out-of-scope client or monitor is not found.
     *
     * @throws io.pledge.core.InvalidRequestException when {@code monitor} is not an id
     */
    public List<StoredMaintenanceWindow> list(String client, String monitor, Scope scope) {
        Violations violations = new Violations();
        UUID monitorId = violations.parseOptional("monitor", monitor, "monitor id", UUID::fromString);
        violations.throwIfAny();
        ClientId clientId = client == null
                ? null
                : clients.findByReference(client, scope)
                        .map(Client::id)
                        .orElseThrow(() -> new NotFoundException("client", client));
        if (monitorId != null) {
            Monitor found = monitors.find(monitorId, scope)
                    .filter(m -> clientId == null || m.client().equals(clientId))
                    .orElseThrow(() -> new NotFoundException("monitor", monitorId));
            return windows.of(found.client(), monitorId, scope);
        }
        return windows.of(clientId, null, scope);
    }

    /** Removes a window; false when there was none. */
    @Transactional
    public boolean remove(UUID id) {
        return windows.remove(id);
    }

    /** The maintenance of the monitor inside {@code range}, as a union of spans. */
    public List<Span> within(Monitor monitor, Span range) {
        List<Span> spans = new ArrayList<>();
        for (StoredMaintenanceWindow window : windows.of(monitor.client(), monitor.id(), Scope.everything())) {
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
        for (StoredMaintenanceWindow window : windows.of(monitor.client(), monitor.id(), Scope.everything())) {
            if (window.retroactive()) {
                List<Span> spans = of(window).within(range);
                if (!spans.isEmpty()) {
                    found.add(new Retroactive(window.id(), window.name(), window.reason(), window.createdAt(), spans));
                }
            }
        }
        return found;
    }

    /**
     * The monitor's planned maintenance (its own windows and its client's) overlapping {@code [from, to)}, as a
     * union of intervals clipped to it, in plain values for other modules (a trust page's planned
     * maintenance). Window names and reasons stay out: they are the MSP's own words.
     */
    public List<PeriodUptime.Interval> occurrences(Monitor monitor, Instant from, Instant to) {
        return within(monitor, Span.of(from, to)).stream()
                .map(span -> new PeriodUptime.Interval(span.start(), span.end()))
                .toList();
    }

    public boolean covers(Monitor monitor, Instant instant) {
        return !within(monitor, Span.of(instant, instant.plusNanos(1000))).isEmpty();
    }

    /** The document as a window of no client yet; null when invalid. */
    private static StoredMaintenanceWindow parse(MaintenanceWindowDocument body, Instant now, Violations v) {
        int before = v.count();
        String name = v.text("name", body.name(), 200);
        if (body.client() == null || body.client().isBlank()) {
            v.add("client", "is required");
        }
        UUID monitorId = v.parseOptional("monitorId", body.monitorId(), "monitor id", UUID::fromString);
        Instant startsAt = v.parseOptional("startsAt", body.startsAt(), Instants.WHAT, Instants::parse);
        Instant endsAt = v.parseOptional("endsAt", body.endsAt(), Instants.WHAT, Instants::parse);
        MaintenanceWindowDocument.Weekly weekly = body.weekly();
        boolean retroactive = Boolean.TRUE.equals(body.retroactive());
        String reason = null;
        if (retroactive) {
            reason = v.text("reason", body.reason(), 1000);
        } else if (body.reason() != null) {
            v.add("reason", "only for a retroactive window (\"retroactive\": true)");
        }
        if (weekly != null && body.startsAt() == null) {
            // Unbounded, a weekly window would reach back over every past week's recorded downtime.
            startsAt = now;
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            v.add("endsAt", body.startsAt() == null ? "must be after now" : "must be after startsAt");
        }
        if (startsAt != null && startsAt.isBefore(now) && !retroactive) {
            v.add(
                    "startsAt",
                    "starts before now (" + now + "): a window in the past erases downtime already recorded;"
                            + " send \"retroactive\": true with a \"reason\" to record one");
        }
        String zone = null;
        String days = null;
        String start = null;
        Integer seconds = null;
        if (weekly == null) {
            if (body.startsAt() == null) {
                v.add("startsAt", "is required for a one-off window (or give weekly)");
            }
            if (body.endsAt() == null) {
                v.add("endsAt", "is required for a one-off window (or give weekly)");
            }
        } else {
            Violations w = v.under("weekly.");
            ZoneId zoneId = w.parse("zone", weekly.zone(), "zone (IANA, such as Europe/Paris)", ZoneId::of);
            zone = zoneId == null ? null : zoneId.getId();
            Set<DayOfWeek> parsed = new TreeSet<>();
            if (weekly.days() == null || weekly.days().isEmpty()) {
                w.add("days", "is required: at least one day (MON, TUE...)");
            } else {
                for (int i = 0; i < weekly.days().size(); i++) {
                    DayOfWeek day = w.parse(
                            "days[" + i + "]", weekly.days().get(i), "day (MON...SUN)", MaintenanceSchedules::day);
                    if (day != null) {
                        parsed.add(day);
                    }
                }
            }
            days = parsed.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
            LocalTime time = w.parse("start", weekly.start(), "local time (HH:MM)", LocalTime::parse);
            start = time == null ? null : time.toString();
            Duration duration =
                    w.parse("duration", weekly.duration(), "duration (ISO-8601, such as PT2H)", Durations::parse);
            if (duration != null
                    && (duration.compareTo(Duration.ofMinutes(1)) < 0
                            || duration.compareTo(Duration.ofDays(7)) > 0
                            || duration.toMillis() % 1000 != 0)) {
                w.add("duration", "must be whole seconds between PT1M and P7D, got " + weekly.duration());
            } else if (duration != null) {
                seconds = (int) duration.toSeconds();
            }
        }
        if (v.count() > before) {
            return null;
        }
        return new StoredMaintenanceWindow(
                UUID.randomUUID(),
                null,
                monitorId,
                name,
                weekly == null ? "ONCE" : "WEEKLY",
                startsAt,
                endsAt,
                zone,
                days,
                start,
                seconds,
                now,
                startsAt != null && startsAt.isBefore(now),
                reason);
    }

    /** The stored window as the calculation sees it. */
    public static MaintenanceWindow of(StoredMaintenanceWindow window) {
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

    static Set<DayOfWeek> days(String days) {
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
