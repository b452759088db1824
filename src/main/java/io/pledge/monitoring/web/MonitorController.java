package io.pledge.monitoring.web;

import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.ContractId;
import io.pledge.clients.Contracts;
import io.pledge.clients.Tiers;
import io.pledge.core.Durations;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.MonitorSettings;
import io.pledge.monitoring.jdbc.MonitoringStore;
import io.pledge.monitoring.uptime.MonitorState;
import io.pledge.monitoring.uptime.Span;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /** A monitor's availability target when neither it nor its contract's tier sets one. */
    static final BigDecimal DEFAULT_TARGET = new BigDecimal("99.9");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final MonitorCatalog catalog;
    private final AvailabilityQueries availability;
    private final MonitoringStore store;
    private final Clients clients;
    private final Contracts contracts;
    private final Calendars calendars;
    private final Tiers tiers;
    private final Clock clock;

    MonitorController(
            MonitorCatalog catalog,
            AvailabilityQueries availability,
            MonitoringStore store,
            Clients clients,
            Contracts contracts,
            Calendars calendars,
            Tiers tiers,
            Clock clock) {
        this.catalog = catalog;
        this.availability = availability;
        this.store = store;
        this.clients = clients;
        this.contracts = contracts;
        this.calendars = calendars;
        this.tiers = tiers;
        this.clock = clock;
    }

    /**
     * The uptime target of the contract's tier policy in force now, when it sets one below 100 % (a 100 %
     * target leaves no error budget to measure); else none.
     */
    private BigDecimal contractTarget(io.pledge.clients.Contract contract) {
        return tiers.policyAt(contract.terms().tier(), clock.instant())
                .map(policy -> policy.terms().uptimeTarget())
                .filter(uptime -> uptime != null && uptime.compareTo(BigDecimal.valueOf(100)) < 0)
                .orElse(null);
    }

    @PostMapping("/api/v1/monitors")
    @Operation(summary = "Add a monitor; a heartbeat's token and an external monitor's secret are in this answer only")
    ResponseEntity<MonitorView> create(@RequestBody MonitorBody body) {
        Violations violations = new Violations();
        if (body.client() == null || body.client().isBlank()) {
            violations.add("client", "is required");
        }
        Monitor draft = draft(UUID.randomUUID(), null, body, violations);
        MonitorCatalog.Saved saved = catalog.add(draft);
        return ResponseEntity.created(
                        URI.create("/api/v1/monitors/" + saved.monitor().id()))
                .body(view(saved.monitor(), saved.secret()));
    }

    @GetMapping("/api/v1/monitors")
    @Operation(summary = "Monitors, of one client when `client` (id or slug) is given, with their status")
    List<MonitorView> list(@RequestParam(required = false) String client, Scope scope) {
        UUID clientId =
                client == null ? null : client(client, "client", scope).id().value();
        return catalog.list(clientId, scope).stream().map(m -> view(m, null)).toList();
    }

    @GetMapping("/api/v1/monitors/{id}")
    @Operation(summary = "A monitor and its status: UP, DOWN, PENDING, MAINTENANCE or PAUSED")
    MonitorView get(@PathVariable UUID id, Scope scope) {
        return view(monitor(id, scope), null);
    }

    @PutMapping("/api/v1/monitors/{id}")
    @Operation(summary = "Change a monitor's definition (its state and downtime stay); `newSecret` issues a new one")
    MonitorView replace(@PathVariable UUID id, @RequestBody MonitorBody body, Scope scope) {
        Monitor current = monitor(id, scope);
        Violations violations = new Violations();
        Monitor draft = draft(id, current, body, violations);
        MonitorCatalog.Saved saved = catalog.replace(draft, Boolean.TRUE.equals(body.newSecret()))
                .orElseThrow(() -> new NotFoundException("monitor", id));
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
        Violations violations = new Violations();
        ZoneId zoneId = zone == null
                ? clients.find(new ClientId(monitor.clientId()))
                        .map(c -> c.details().zone())
                        .orElse(ZoneId.of("UTC"))
                : violations.parse("zone", zone, "zone (IANA, such as Europe/Paris)", ZoneId::of);
        String kind =
                period == null ? (from != null || to != null ? "custom" : "month") : period.toLowerCase(Locale.ROOT);
        Span span = null;
        switch (kind) {
            case "day", "month", "quarter" -> {
                if (from != null || to != null) {
                    violations.add("from", "only with period=custom");
                }
                LocalDate day = date == null
                        ? (zoneId == null ? null : LocalDate.ofInstant(clock.instant(), zoneId))
                        : violations.parse("date", date, Instants.DATE_WHAT, Instants::parseDate);
                if (day != null && zoneId != null) {
                    LocalDate start = switch (kind) {
                        case "day" -> day;
                        case "month" -> day.withDayOfMonth(1);
                        default -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                    };
                    LocalDate end = switch (kind) {
                        case "day" -> start.plusDays(1);
                        case "month" -> start.plusMonths(1);
                        default -> start.plusMonths(3);
                    };
                    span = Span.of(
                            start.atStartOfDay(zoneId).toInstant(),
                            end.atStartOfDay(zoneId).toInstant());
                }
            }
            case "custom" -> {
                Instant start = violations.parse("from", from, Instants.WHAT, Instants::parse);
                Instant end = violations.parse("to", to, Instants.WHAT, Instants::parse);
                if (start != null && end != null) {
                    if (!end.isAfter(start)) {
                        violations.add("to", "must be after from");
                    } else if (Duration.between(start, end).compareTo(Duration.ofDays(400)) > 0) {
                        violations.add("to", "a period is at most 400 days");
                    } else {
                        span = Span.of(start, end);
                    }
                }
            }
            default -> violations.add("period", "\"" + period + "\" is not one of day, month, quarter, custom");
        }
        violations.throwIfAny();
        return AvailabilityView.of(monitor, availability.over(monitor, span), zoneId);
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
        Violations violations = new Violations();
        String unit = granularity.toUpperCase(Locale.ROOT);
        if (!unit.equals("HOUR") && !unit.equals("DAY")) {
            violations.add("granularity", "must be HOUR or DAY, got " + granularity);
        }
        Instant now = clock.instant();
        Instant start = from == null
                ? now.minus(unit.equals("DAY") ? Duration.ofDays(30) : Duration.ofDays(1))
                : violations.parse("from", from, Instants.WHAT, Instants::parse);
        Instant end = to == null ? now.plusSeconds(1) : violations.parse("to", to, Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        return store.checkStats(monitor.id(), unit, start, end).stream()
                .map(CheckStatView::of)
                .toList();
    }

    private Monitor monitor(UUID id, Scope scope) {
        return catalog.find(id, scope).orElseThrow(() -> new NotFoundException("monitor", id));
    }

    private Client client(String reference, String field) {
        return client(reference, field, Scope.everything());
    }

    /** A client by id or slug, within the scope (another client is as unknown as one that does not exist). */
    private Client client(String reference, String field, Scope scope) {
        return clients.findByReference(reference, scope)
                .orElseThrow(() -> new UnprocessableException(field, "unknown client \"" + reference + "\""));
    }

    /** Validates a request document into a monitor definition; throws naming every invalid field. */
    private Monitor draft(UUID id, Monitor current, MonitorBody body, Violations violations) {
        String name = violations.text("name", body.name(), 200);
        MonitorKind kind = violations.parse(
                "kind",
                body.kind(),
                "kind (HTTP, TCP, TLS, HEARTBEAT or EXTERNAL)",
                text -> MonitorKind.valueOf(text.toUpperCase(Locale.ROOT)));
        Duration interval = duration(violations, "interval", body.interval(), Duration.ofSeconds(60));
        if (interval != null && interval.compareTo(Duration.ofSeconds(10)) < 0) {
            violations.add("interval", "must be at least 10 seconds (PT10S), got " + body.interval());
            interval = null;
        } else if (interval != null && interval.compareTo(Duration.ofDays(1)) > 0) {
            violations.add("interval", "must be at most one day (P1D), got " + body.interval());
            interval = null;
        } else if (interval != null && interval.toMillis() % 1000 != 0) {
            violations.add("interval", "must be whole seconds, got " + body.interval());
            interval = null;
        }
        Duration timeout = duration(
                violations,
                "timeout",
                body.timeout(),
                interval == null ? Duration.ofSeconds(10) : min(Duration.ofSeconds(10), interval.dividedBy(2)));
        if (timeout != null && (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.toMillis() % 1000 != 0)) {
            violations.add("timeout", "must be whole seconds, at least 1 (PT1S), got " + body.timeout());
        } else if (timeout != null && interval != null && timeout.compareTo(interval) >= 0) {
            violations.add("timeout", "must be shorter than the interval (" + interval + "), got " + timeout);
        }
        int downAfter = count(violations, "downAfter", body.downAfter(), 2);
        int upAfter = count(violations, "upAfter", body.upAfter(), 1);
        BigDecimal target = body.target();
        if (target != null
                && (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0 || target.scale() > 4)) {
            violations.add("target", "must be above 0 and below 100 with at most 4 decimals (99.9), got " + target);
        }
        MonitorSettings settings = kind == null ? null : settings(kind, body, timeout, violations);
        UUID contract = violations.parseOptional("contractId", body.contractId(), "contract id", UUID::fromString);
        UUID calendar = violations.parseOptional("calendarId", body.calendarId(), "calendar id", UUID::fromString);
        String service = violations.optionalText("service", body.service(), 200);
        violations.throwIfAny();

        UUID clientId;
        if (current == null) {
            clientId = client(body.client(), "client").id().value();
        } else {
            clientId = current.clientId();
            if (body.client() != null
                    && clients.findByReference(body.client())
                            .map(c -> !c.id().value().equals(clientId))
                            .orElse(true)) {
                throw new UnprocessableException("client", "a monitor stays with its client");
            }
        }
        if (contract != null) {
            io.pledge.clients.Contract found = contracts
                    .find(new ContractId(contract))
                    .filter(c -> c.client().value().equals(clientId))
                    .orElseThrow(() ->
                            new UnprocessableException("contractId", "no contract " + contract + " of this client"));
            List<String> covered = found.terms().services();
            if (service != null && covered != null && !covered.isEmpty() && !covered.contains(service)) {
                throw new UnprocessableException(
                        "service", "\"" + service + "\" is not among the contract's services " + covered);
            }
            if (target == null) {
                target = contractTarget(found);
            }
        }
        if (target == null) {
            target = DEFAULT_TARGET;
        }
        if (calendar != null && !calendars.exists(new CalendarId(calendar))) {
            throw new UnprocessableException("calendarId", "unknown calendar " + calendar);
        }
        return new Monitor(
                id,
                clientId,
                contract,
                service,
                name,
                kind,
                settings,
                interval,
                timeout,
                downAfter,
                upAfter,
                target.stripTrailingZeros(),
                calendar,
                body.active() == null || body.active(),
                null,
                null,
                MonitorState.pending(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false);
    }

    private static MonitorSettings settings(MonitorKind kind, MonitorBody body, Duration timeout, Violations v) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("url", body.url());
        given.put("method", body.method());
        given.put("expectedStatus", body.expectedStatus());
        given.put("keyword", body.keyword());
        given.put("keywordAbsent", body.keywordAbsent());
        given.put("maxLatency", body.maxLatency());
        given.put("followRedirects", body.followRedirects());
        given.put("verifyTls", body.verifyTls());
        given.put("host", body.host());
        given.put("port", body.port());
        given.put("warnDays", body.warnDays());
        given.put("grace", body.grace());
        given.put("labels", body.labels());
        Set<String> applies = switch (kind) {
            case HTTP ->
                Set.of(
                        "url",
                        "method",
                        "expectedStatus",
                        "keyword",
                        "keywordAbsent",
                        "maxLatency",
                        "followRedirects",
                        "verifyTls");
            case TCP -> Set.of("host", "port");
            case TLS -> Set.of("host", "port", "warnDays", "verifyTls");
            case HEARTBEAT -> Set.of("grace");
            case EXTERNAL -> Set.of("labels");
        };
        for (Map.Entry<String, Object> field : given.entrySet()) {
            if (field.getValue() != null && !applies.contains(field.getKey())) {
                v.add(field.getKey(), "does not apply to " + kind + " monitors");
            }
        }
        switch (kind) {
            case HTTP -> {
                String url = v.text("url", body.url(), 2000);
                if (url != null) {
                    try {
                        URI uri = URI.create(url);
                        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                                || uri.getHost() == null) {
                            v.add("url", "must be an http or https URL with a host, got " + url);
                        }
                    } catch (IllegalArgumentException e) {
                        v.add("url", "\"" + url + "\" is not a valid URL");
                    }
                }
                String method = body.method() == null ? "GET" : body.method().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    v.add("method", "must be one of " + new java.util.TreeSet<>(METHODS) + ", got " + body.method());
                }
                int[] status = statusRange(v, body.expectedStatus());
                if (body.keywordAbsent() != null && body.keyword() == null) {
                    v.add("keywordAbsent", "needs a keyword");
                }
                if (body.keyword() != null
                        && (body.keyword().isEmpty() || body.keyword().length() > 500)) {
                    v.add("keyword", "must be 1 to 500 characters");
                }
                Duration maxLatency = duration(v, "maxLatency", body.maxLatency(), null);
                if (maxLatency != null && (maxLatency.isZero() || maxLatency.isNegative())) {
                    v.add("maxLatency", "must be positive, got " + body.maxLatency());
                } else if (maxLatency != null && timeout != null && maxLatency.compareTo(timeout) > 0) {
                    v.add("maxLatency", "must be at most the timeout (" + timeout + "), got " + body.maxLatency());
                }
                return new MonitorSettings(
                        url,
                        method,
                        status[0],
                        status[1],
                        body.keyword(),
                        body.keyword() == null ? null : Boolean.TRUE.equals(body.keywordAbsent()),
                        maxLatency,
                        body.followRedirects() == null || body.followRedirects(),
                        body.verifyTls() == null || body.verifyTls(),
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            case TCP, TLS -> {
                String host = v.text("host", body.host(), 255);
                Integer port = body.port() == null && kind == MonitorKind.TLS ? Integer.valueOf(443) : body.port();
                if (port == null) {
                    v.add("port", "is required");
                } else if (port < 1 || port > 65535) {
                    v.add("port", "must be between 1 and 65535, got " + port);
                }
                Integer warnDays = null;
                if (kind == MonitorKind.TLS) {
                    warnDays = body.warnDays() == null ? 14 : body.warnDays();
                    if (warnDays < 0 || warnDays > 365) {
                        v.add("warnDays", "must be between 0 and 365, got " + warnDays);
                    }
                }
                return new MonitorSettings(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        kind == MonitorKind.TLS ? (body.verifyTls() == null || body.verifyTls()) : null,
                        host,
                        port,
                        warnDays,
                        null,
                        null);
            }
            case HEARTBEAT -> {
                Duration grace = duration(v, "grace", body.grace(), Duration.ofSeconds(60));
                if (grace != null && (grace.isNegative() || grace.compareTo(Duration.ofDays(1)) > 0)) {
                    v.add("grace", "must be between PT0S and P1D, got " + body.grace());
                }
                return new MonitorSettings(
                        null, null, null, null, null, null, null, null, null, null, null, null, grace, null);
            }
            default -> {
                Map<String, String> labels = body.labels() == null ? Map.of() : body.labels();
                if (labels.size() > 20) {
                    v.add("labels", "at most 20 labels");
                }
                Map<String, String> named = new LinkedHashMap<>();
                for (Map.Entry<String, String> label : labels.entrySet()) {
                    if (label.getKey().isBlank() || label.getValue() == null) {
                        v.add("labels." + label.getKey(), "needs a name and a value");
                    } else if (label.getKey().length() > 200 || label.getValue().length() > 1000) {
                        v.add("labels." + label.getKey(), "a name is at most 200 characters, a value at most 1000");
                    } else {
                        named.put(label.getKey(), label.getValue());
                    }
                }
                return new MonitorSettings(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, named);
            }
        }
    }

    /** "200-299", "200" or "2xx"; default 200-299. */
    private static int[] statusRange(Violations v, String text) {
        if (text == null) {
            return new int[] {200, 299};
        }
        String range = text.strip().toLowerCase(Locale.ROOT);
        try {
            int low;
            int high;
            if (range.matches("[1-5]xx")) {
                low = (range.charAt(0) - '0') * 100;
                high = low + 99;
            } else if (range.contains("-")) {
                low = Integer.parseInt(range.substring(0, range.indexOf('-')).strip());
                high = Integer.parseInt(range.substring(range.indexOf('-') + 1).strip());
            } else {
                low = Integer.parseInt(range);
                high = low;
            }
            if (low < 100 || high > 599 || high < low) {
                throw new IllegalArgumentException();
            }
            return new int[] {low, high};
        } catch (IllegalArgumentException e) {
            v.add("expectedStatus", "\"" + text + "\" is not a status range (200-299, 204 or 2xx)");
            return new int[] {200, 299};
        }
    }

    private static Duration duration(Violations v, String field, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        return v.parse(field, text, "duration (ISO-8601, such as PT30S)", Durations::parse);
    }

    private static int count(Violations v, String field, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 20) {
            v.add(field, "must be between 1 and 20, got " + value);
            return fallback;
        }
        return value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : Duration.ofSeconds(Math.max(1, b.toSeconds()));
    }

    private MonitorView view(Monitor monitor, String secret) {
        return MonitorView.of(monitor, catalog.statusOf(monitor), secret);
    }

    /** A monitor as the API takes it; which fields apply depends on {@code kind}. */
    record MonitorBody(
            String client,
            String name,
            String kind,
            String contractId,
            String service,
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
            Integer downAfter,
            Integer upAfter,
            BigDecimal target,
            String calendarId,
            Boolean active,
            Boolean newSecret) {}

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
            MonitorSettings s = m.settings();
            return new MonitorView(
                    m.id(),
                    m.clientId(),
                    m.contractId(),
                    m.service(),
                    m.name(),
                    m.kind(),
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
                    m.interval().toString(),
                    m.timeout().toString(),
                    m.downAfter(),
                    m.upAfter(),
                    m.target(),
                    m.calendarId(),
                    m.active(),
                    status,
                    m.statusSince(),
                    m.lastCheckAt(),
                    m.lastOk(),
                    m.lastLatencyMs(),
                    m.lastError(),
                    m.lastBeatAt(),
                    m.nextCheckAt(),
                    secret,
                    secret != null && m.kind() == MonitorKind.HEARTBEAT ? "/api/v1/ingest/heartbeats/" + secret : null,
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

        static CheckStatView of(MonitoringStore.CheckStat stat) {
            Map<String, Integer> histogram = new LinkedHashMap<>();
            int[] bounds = MonitoringStore.LATENCY_BOUNDS;
            int needed = (int) Math.ceil(stat.checks() * 0.95);
            int seen = 0;
            Integer p95 = null;
            for (int i = 0; i < stat.histogram().length; i++) {
                String label = i < bounds.length ? "le" + bounds[i] : "over" + bounds[bounds.length - 1];
                histogram.put(label, stat.histogram()[i]);
                seen += stat.histogram()[i];
                if (p95 == null && seen >= needed) {
                    p95 = i < bounds.length ? bounds[i] : stat.latencyMaxMs();
                }
            }
            return new CheckStatView(
                    stat.start(),
                    stat.checks(),
                    stat.failures(),
                    stat.checks() == 0 ? 0 : stat.latencySumMs() / stat.checks(),
                    stat.latencyMinMs(),
                    stat.latencyMaxMs(),
                    p95,
                    histogram);
        }
    }
}
