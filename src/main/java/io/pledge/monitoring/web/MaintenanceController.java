package io.pledge.monitoring.web;

import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.MaintenanceSchedules;
import io.pledge.monitoring.MaintenanceWindowDocument;
import io.pledge.monitoring.MonitoringGap;
import io.pledge.monitoring.StoredMaintenanceWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planned maintenance, one-off or weekly, of one monitor or of every monitor of a client: downtime inside
 * is not counted, and the monitor shows MAINTENANCE while checks go on. A window that starts before now
 * is taken only with {@code "retroactive": true} and a {@code reason} ({@link MaintenanceSchedules}), and
 * named in every availability answer of its period. Also the monitoring gaps.
 */
@RestController
@Tag(name = "Maintenance", description = "Maintenance windows and monitoring gaps")
class MaintenanceController {

    private final MaintenanceSchedules schedules;
    private final AvailabilityQueries queries;

    MaintenanceController(MaintenanceSchedules schedules, AvailabilityQueries queries) {
        this.schedules = schedules;
        this.queries = queries;
    }

    @PostMapping("/api/v1/maintenance-windows")
    @Operation(
            summary = "Plan maintenance: one-off (startsAt, endsAt) or weekly (weekly: zone, days, start, duration);"
                    + " a start before now needs \"retroactive\": true and a reason")
    ResponseEntity<WindowView> create(@RequestBody MaintenanceWindowDocument body) {
        StoredMaintenanceWindow window = schedules.plan(body);
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id()))
                .body(WindowView.of(window));
    }

    @GetMapping("/api/v1/maintenance-windows")
    @Operation(summary = "Maintenance windows, of one client (`client`) and of one monitor (`monitor`) if given")
    List<WindowView> list(
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String monitor,
            Scope scope) {
        return schedules.list(client, monitor, scope).stream()
                .map(WindowView::of)
                .toList();
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    @Operation(summary = "Remove a maintenance window")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!schedules.remove(id)) {
            throw new NotFoundException("maintenance window", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/monitoring-gaps")
    @Operation(summary = "Times when a Pledge node could not tell clients' systems from its own network")
    List<MonitoringGap> gaps(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.gaps(from, to);
    }

    record WindowView(
            UUID id,
            UUID clientId,
            UUID monitorId,
            String name,
            String recurrence,
            Instant startsAt,
            Instant endsAt,
            MaintenanceWindowDocument.Weekly weekly,
            Instant createdAt,
            boolean retroactive,
            String reason) {

        static WindowView of(StoredMaintenanceWindow w) {
            return new WindowView(
                    w.id(),
                    w.client().value(),
                    w.monitorId(),
                    w.name(),
                    w.recurrence(),
                    w.startsAt(),
                    w.endsAt(),
                    w.recurrence().equals("WEEKLY")
                            ? new MaintenanceWindowDocument.Weekly(
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
