package io.pledge.monitoring.web;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Durations;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.MaintenanceSchedules;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.jdbc.MonitoringStore;
import io.pledge.monitoring.jdbc.MonitoringStore.StoredWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planned maintenance, one-off or weekly, of one monitor or of every monitor of a client: downtime inside
 * is not counted, and the monitor shows MAINTENANCE while checks go on. A window starts now or later: one
 * that starts before now would erase downtime already recorded, so it is taken only when the request says
 * {@code "retroactive": true} with a {@code reason}; it is stored so flagged, audited with its reason, and
 * named in every availability answer of its period. Also the monitoring gaps.
 */
@RestController
@Tag(name = "Maintenance", description = "Maintenance windows and monitoring gaps")
class MaintenanceController {

    private final MonitoringStore store;
    private final MonitorCatalog monitors;
    private final Clients clients;
    private final AuditLog audit;
    private final Clock clock;

    MaintenanceController(
            MonitoringStore store, MonitorCatalog monitors, Clients clients, AuditLog audit, Clock clock) {
        this.store = store;
        this.monitors = monitors;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/maintenance-windows")
    @Operation(
            summary = "Plan maintenance: one-off (startsAt, endsAt) or weekly (weekly: zone, days, start, duration);"
                    + " a start before now needs \"retroactive\": true and a reason")
    @Transactional
    ResponseEntity<WindowView> create(@RequestBody WindowBody body) {
        Violations v = new Violations();
        String name = v.text("name", body.name(), 200);
        if (body.client() == null || body.client().isBlank()) {
            v.add("client", "is required");
        }
        UUID monitorId = v.parseOptional("monitorId", body.monitorId(), "monitor id", UUID::fromString);
        Instant startsAt = v.parseOptional("startsAt", body.startsAt(), Instants.WHAT, Instants::parse);
        Instant endsAt = v.parseOptional("endsAt", body.endsAt(), Instants.WHAT, Instants::parse);
        Weekly weekly = body.weekly();
        Instant now = Timestamps.now(clock);
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
        v.throwIfAny();
        Client client = clients.findByReference(body.client())
                .orElseThrow(() -> new UnprocessableException("client", "unknown client \"" + body.client() + "\""));
        if (monitorId != null
                && monitors.find(monitorId, Scope.everything())
                        .map(m -> !m.clientId().equals(client.id().value()))
                        .orElse(true)) {
            throw new UnprocessableException("monitorId", "no monitor " + monitorId + " of this client");
        }
        StoredWindow window = new StoredWindow(
                UUID.randomUUID(),
                client.id().value(),
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
        store.insertWindow(window);
        if (window.retroactive()) {
            audit.append(new AuditLog.Change(
                    AuditLog.PLEDGE_CHAIN,
                    AuditLog.currentActor(),
                    "maintenance.retroactive",
                    "/api/v1/maintenance-windows/" + window.id(),
                    "retroactive=true;client=" + window.clientId()
                            + (monitorId == null ? "" : ";monitor=" + monitorId)
                            + ";startsAt=" + window.startsAt()
                            + (window.endsAt() == null ? "" : ";endsAt=" + window.endsAt())
                            + ";reason=" + reason));
        }
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id()))
                .body(WindowView.of(window));
    }

    @GetMapping("/api/v1/maintenance-windows")
    @Operation(summary = "Maintenance windows, of one client (`client`) and of one monitor (`monitor`) if given")
    List<WindowView> list(
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String monitor,
            Scope scope) {
        Violations v = new Violations();
        UUID monitorId = v.parseOptional("monitor", monitor, "monitor id", UUID::fromString);
        v.throwIfAny();
        UUID clientId = client == null
                ? null
                : clients.findByReference(client, scope)
                        .map(c -> c.id().value())
                        .orElseThrow(() -> new NotFoundException("client", client));
        if (monitorId != null) {
            Monitor found = monitors.find(monitorId, scope)
                    .filter(m -> clientId == null || m.clientId().equals(clientId))
                    .orElseThrow(() -> new NotFoundException("monitor", monitorId));
            return store.windows(found.clientId(), monitorId, scope).stream()
                    .map(WindowView::of)
                    .toList();
        }
        return store.windows(clientId, null, scope).stream().map(WindowView::of).toList();
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    @Operation(summary = "Remove a maintenance window")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!store.deleteWindow(id)) {
            throw new NotFoundException("maintenance window", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/monitoring-gaps")
    @Operation(summary = "Times when a Pledge node could not tell clients' systems from its own network")
    List<MonitoringStore.Gap> gaps(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Violations v = new Violations();
        Instant now = clock.instant();
        Instant start =
                from == null ? now.minus(Duration.ofDays(30)) : v.parse("from", from, Instants.WHAT, Instants::parse);
        Instant end = to == null ? now.plusSeconds(1) : v.parse("to", to, Instants.WHAT, Instants::parse);
        v.throwIfAny();
        return new ArrayList<>(store.gaps(start, end));
    }

    record Weekly(String zone, List<String> days, String start, String duration) {}

    /** {@code retroactive} with a {@code reason}: a window that starts before now is meant. */
    record WindowBody(
            String client,
            String monitorId,
            String name,
            String startsAt,
            String endsAt,
            Weekly weekly,
            Boolean retroactive,
            String reason) {}

    record WindowView(
            UUID id,
            UUID clientId,
            UUID monitorId,
            String name,
            String recurrence,
            Instant startsAt,
            Instant endsAt,
            Weekly weekly,
            Instant createdAt,
            boolean retroactive,
            String reason) {

        static WindowView of(StoredWindow w) {
            return new WindowView(
                    w.id(),
                    w.clientId(),
                    w.monitorId(),
                    w.name(),
                    w.recurrence(),
                    w.startsAt(),
                    w.endsAt(),
                    w.recurrence().equals("WEEKLY")
                            ? new Weekly(
                                    w.zone(),
                                    List.of(w.days().split(",")),
                                    w.startTime(),
                                    Duration.ofSeconds(w.durationSeconds()).toString())
                            : null,
                    w.createdAt(),
                    w.retroactive(),
                    w.reason());
        }
    }
}
