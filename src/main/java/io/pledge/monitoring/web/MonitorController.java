package io.pledge.monitoring.web;

import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityPeriod;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.CheckStat;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.MonitorDefinition;
import io.pledge.monitoring.MonitorDocument;
import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.MonitorSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitors of clients' critical systems, their availability and their check statistics. */
@RestController
@Tag(name = "Monitors", description = "Uptime monitors, availability, error budgets")
class MonitorController {

    private final MonitorCatalog catalog;
    private final AvailabilityQueries availability;

    MonitorController(MonitorCatalog catalog, AvailabilityQueries availability) {
        this.catalog = catalog;
        this.availability = availability;
    }

    @PostMapping("/api/v1/monitors")
    @Operation(summary = "Add a monitor; a heartbeat's token and an external monitor's secret are in this answer only")
    ResponseEntity<MonitorView> create(@RequestBody MonitorDocument body) {
        MonitorCatalog.Saved saved = catalog.add(body);
        return ResponseEntity.created(
                        URI.create("/api/v1/monitors/" + saved.monitor().id()))
                .body(view(saved.monitor(), saved.secret()));
    }

    @GetMapping("/api/v1/monitors")
    @Operation(summary = "Monitors, of one client when `client` (id or slug) is given, with their status")
    List<MonitorView> list(@RequestParam(required = false) String client, Scope scope) {
        return catalog.list(client, scope).stream().map(m -> view(m, null)).toList();
    }

    @GetMapping("/api/v1/monitors/{id}")
    @Operation(summary = "A monitor and its status: UP, DOWN, PENDING, MAINTENANCE or PAUSED")
    MonitorView get(@PathVariable UUID id, Scope scope) {
        return view(monitor(id, scope), null);
    }

    @PutMapping("/api/v1/monitors/{id}")
    @Operation(summary = "Change a monitor's definition (its state and downtime stay); `newSecret` issues a new one")
    MonitorView replace(@PathVariable UUID id, @RequestBody MonitorDocument body, Scope scope) {
        MonitorCatalog.Saved saved =
                catalog.replace(id, body, scope).orElseThrow(() -> new NotFoundException("monitor", id));
        return view(saved.monitor(), saved.secret());
    }

    @DeleteMapping("/api/v1/monitors/{id}")
    @Operation(summary = "Retire a monitor: checks stop, its downtime records stay")
    ResponseEntity<Void> retire(@PathVariable UUID id) {
        if (!catalog.retire(id)) {
            throw new NotFoundException("monitor", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/monitors/{id}/availability")
    @Operation(
            summary = "Availability, downtime, maintenance, error budget and burn rates over a period: day, month,"
                    + " quarter (of `date`, in `zone`) or custom (`from`, `to`)")
    AvailabilityView availability(
            @PathVariable UUID id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Scope scope) {
        Monitor monitor = monitor(id, scope);
        AvailabilityPeriod span =
                availability.period(monitor, new AvailabilityPeriod.Query(period, date, zone, from, to));
        return AvailabilityView.of(monitor, availability.over(monitor, span.span()), span.zone());
    }

    @GetMapping("/api/v1/monitors/{id}/checks")
    @Operation(summary = "Check statistics per HOUR or DAY (UTC) from `from` to `to`: count, failures, latency")
    List<CheckStatView> checks(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "HOUR") String granularity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Scope scope) {
        Monitor monitor = monitor(id, scope);
        return availability.checks(monitor, granularity, from, to).stream()
                .map(CheckStatView::of)
                .toList();
    }

    private Monitor monitor(UUID id, Scope scope) {
        return catalog.find(id, scope).orElseThrow(() -> new NotFoundException("monitor", id));
    }

    private MonitorView view(Monitor monitor, String secret) {
        return MonitorView.of(monitor, catalog.statusOf(monitor), secret);
    }

    /** A monitor as the API shows it; the secret only in the answer that issued it. */
    record MonitorView(
            UUID id,
            UUID clientId,
            UUID contractId,
            String service,
            String name,
            MonitorKind kind,
            String url,
            String method,
            String expectedStatus,
            String keyword,
            Boolean keywordAbsent,
            String maxLatency,
            Boolean followRedirects,
            Boolean verifyTls,
            String host,
            Integer port,
            Integer warnDays,
            String grace,
            Map<String, String> labels,
            String interval,
            String timeout,
            int downAfter,
            int upAfter,
            BigDecimal target,
            UUID calendarId,
            boolean active,
            String status,
            Instant statusSince,
            Instant lastCheckAt,
            Boolean lastOk,
            Integer lastLatencyMs,
            String lastError,
            Instant lastBeatAt,
            Instant nextCheckAt,
            String secret,
            String heartbeatUrl,
            Instant createdAt,
            Instant updatedAt) {

        static MonitorView of(Monitor m, String status, String secret) {
            MonitorDefinition d = m.definition();
            MonitorDefinition.Commitment c = d.commitment();
            MonitorSettings s = d.probe().settings();
            Monitor.Standing standing = m.standing();
            Monitor.LastCheck last = standing.lastCheck();
            return new MonitorView(
                    m.id(),
                    m.client().value(),
                    c.contract() == null ? null : c.contract().value(),
                    c.service(),
                    d.name(),
                    d.kind(),
                    s.url(),
                    s.method(),
                    s.statusMin() == null ? null : s.statusMin() + "-" + s.statusMax(),
                    s.keyword(),
                    s.keywordAbsent(),
                    s.maxLatency() == null ? null : s.maxLatency().toString(),
                    s.followRedirects(),
                    s.verifyTls(),
                    s.host(),
                    s.port(),
                    s.warnDays(),
                    s.grace() == null ? null : s.grace().toString(),
                    s.labels(),
                    d.schedule().interval().toString(),
                    d.probe().timeout().toString(),
                    d.schedule().downAfter(),
                    d.schedule().upAfter(),
                    c.target(),
                    c.calendar() == null ? null : c.calendar().value(),
                    d.active(),
                    status,
                    standing.statusSince(),
                    last == null ? null : last.at(),
                    last == null ? null : last.ok(),
                    last == null ? null : last.latencyMs(),
                    last == null ? null : last.error(),
                    standing.lastBeatAt(),
                    standing.nextCheckAt(),
                    secret,
                    secret != null && d.kind() == MonitorKind.HEARTBEAT ? "/api/v1/ingest/heartbeats/" + secret : null,
                    m.createdAt(),
                    m.updatedAt());
        }
    }

    /** One hour's or day's checks; {@code p95LatencyMs} is the upper bound of the histogram bucket holding it. */
    record CheckStatView(
            Instant start,
            int checks,
            int failures,
            long latencyAvgMs,
            int latencyMinMs,
            int latencyMaxMs,
            Integer p95LatencyMs,
            Map<String, Integer> histogram) {

        static CheckStatView of(CheckStat stat) {
            return new CheckStatView(
                    stat.start(),
                    stat.checks(),
                    stat.failures(),
                    stat.latencyAvgMs(),
                    stat.latencyMinMs(),
                    stat.latencyMaxMs(),
                    stat.p95LatencyMs(),
                    stat.labelled());
        }
    }
}
