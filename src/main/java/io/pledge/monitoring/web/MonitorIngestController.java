package io.pledge.monitoring.web;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import io.pledge.core.web.Problems;
import io.pledge.monitoring.InboundAlerts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What clients' systems and other monitoring tools send: heartbeats (the secret token in the URL is the
 * credential), Prometheus Alertmanager webhooks and generic JSON events (the external monitor's secret as
 * a bearer token). No API token or user takes part.
 */
@RestController
@Tag(name = "Monitor ingest", description = "Heartbeats and alerts from other monitoring tools")
class MonitorIngestController {

    private final InboundAlerts inbound;
    private final Clock clock;

    MonitorIngestController(InboundAlerts inbound, Clock clock) {
        this.inbound = inbound;
        this.clock = clock;
    }

    @PostMapping("/api/v1/ingest/heartbeats/{token}")
    @Operation(summary = "A heartbeat of a client's system (the token is the monitor's secret)")
    ResponseEntity<Object> beat(@PathVariable String token) {
        return inbound.beat(token) ? ResponseEntity.noContent().build() : unknownHeartbeat();
    }

    @GetMapping("/api/v1/ingest/heartbeats/{token}")
    @Operation(summary = "A heartbeat sent with GET, for cron jobs and simple clients")
    ResponseEntity<Object> beatWithGet(@PathVariable String token) {
        return beat(token);
    }

    @PostMapping("/api/v1/ingest/alertmanager")
    @Operation(summary = "A Prometheus Alertmanager webhook (payload version 4) for an external monitor")
    ResponseEntity<Object> alertmanager(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody Map<String, Object> payload) {
        Violations v = new Violations();
        String groupStatus = payload.get("status") instanceof String s ? s : null;
        List<?> alerts = v.list("alerts", payload.get("alerts"));
        List<InboundAlerts.Alert> parsed = new ArrayList<>();
        if (alerts != null) {
            for (int i = 0; i < alerts.size(); i++) {
                Violations a = v.under("alerts[" + i + "].");
                Map<?, ?> alert = a.object("", alerts.get(i));
                if (alert == null) {
                    continue;
                }
                String status = alert.get("status") instanceof String s ? s : groupStatus;
                if (status == null || !(status.equals("firing") || status.equals("resolved"))) {
                    a.add("status", "must be firing or resolved");
                }
                Map<?, ?> labelObject = a.object("labels", alert.get("labels"));
                Map<String, String> labels = new LinkedHashMap<>();
                if (labelObject != null) {
                    labelObject.forEach((k, value) -> labels.put(String.valueOf(k), String.valueOf(value)));
                }
                Instant startsAt = a.parse("startsAt", alert.get("startsAt"), Instants.WHAT, Instants::parse);
                // Alertmanager sends endsAt 0001-01-01T00:00:00Z for an alert with no end yet.
                Instant endsAt = a.parseOptional("endsAt", alert.get("endsAt"), Instants.WHAT, text -> {
                    Instant given = java.time.OffsetDateTime.parse(text).toInstant();
                    return given.getEpochSecond() <= 0 ? null : Instants.check(given);
                });
                String fingerprint = alert.get("fingerprint") instanceof String f && !f.isBlank()
                        ? f
                        : new java.util.TreeMap<>(labels).toString();
                Map<?, ?> annotations = alert.get("annotations") instanceof Map<?, ?> m ? m : Map.of();
                Object summary = annotations.get("summary") != null
                        ? annotations.get("summary")
                        : labels.getOrDefault("alertname", "alert");
                if (startsAt != null && status != null) {
                    parsed.add(new InboundAlerts.Alert(
                            fingerprint, status.equals("firing"), startsAt, endsAt, labels, String.valueOf(summary)));
                }
            }
        }
        v.throwIfAny();
        return apply(authorization, "ALERTMANAGER", parsed);
    }

    @PostMapping("/api/v1/ingest/monitor-events")
    @Operation(summary = "A generic JSON event for an external monitor: status DOWN or UP, with key, at, reason")
    ResponseEntity<Object> event(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody EventBody body) {
        Violations v = new Violations();
        Boolean down =
                v.parse("status", body.status(), "status (DOWN or UP)", text -> switch (text.toUpperCase(Locale.ROOT)) {
                    case "DOWN" -> true;
                    case "UP" -> false;
                    default -> throw new IllegalArgumentException(text);
                });
        Instant at = v.parseOptional("at", body.at(), Instants.WHAT, Instants::parse);
        String key = body.key() == null ? "default" : v.text("key", body.key(), 200);
        String reason = v.optionalText("reason", body.reason(), 1000);
        v.throwIfAny();
        Instant when = at == null ? clock.instant() : at;
        // A DOWN opens the incident `key` (once while it is open); an UP closes it. The secret names the
        // monitor: its labels select among the alerts of an Alertmanager group, not among these events.
        InboundAlerts.Alert alert = new InboundAlerts.Alert(key, down, when, down ? null : when, null, reason);
        return apply(authorization, "JSON", List.of(alert));
    }

    private ResponseEntity<Object> apply(String authorization, String source, List<InboundAlerts.Alert> alerts) {
        String secret = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        if (secret == null || secret.isEmpty()) {
            return refused();
        }
        return inbound.apply(secret, source, alerts)
                .<ResponseEntity<Object>>map(applied -> ResponseEntity.ok(applied))
                .orElseGet(MonitorIngestController::refused);
    }

    private static ResponseEntity<Object> refused() {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNAUTHORIZED,
                Problems.UNAUTHORIZED,
                "Unauthorized",
                "a bearer secret of an external monitor is required");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(problem);
    }

    private static ResponseEntity<Object> unknownHeartbeat() {
        ProblemDetail problem = Problems.of(
                HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "no heartbeat monitor has this token");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** A generic event: {@code key} names the incident (default "default"), {@code at} defaults to now. */
    record EventBody(String status, String key, String at, String reason) {}
}
