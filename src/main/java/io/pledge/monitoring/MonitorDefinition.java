package io.pledge.monitoring;

import io.pledge.calendar.CalendarId;
import io.pledge.clients.ContractId;
import io.pledge.core.Durations;
import io.pledge.core.Violations;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A validated monitor definition, in the parts a reader tells apart: what is checked and how (the
 * probe), how often and how many outcomes confirm a change (the schedule), and what the monitor stands
 * for in the SLA (the commitment). Whose monitor it is and where it stands are the {@link Monitor}'s.
 *
 * @param active false while paused: no checks, status PAUSED
 */
public record MonitorDefinition(String name, Probe probe, Schedule schedule, Commitment commitment, boolean active) {

    /** A monitor's availability target when neither it nor its contract's tier sets one. */
    public static final BigDecimal DEFAULT_TARGET = new BigDecimal("99.9");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    /**
     * What a check looks at and how.
     *
     * @param settings the kind's settings; what does not apply to the kind is null
     * @param timeout how long one check may take
     */
    public record Probe(MonitorKind kind, MonitorSettings settings, Duration timeout) {}

    /**
     * When checks come and how many consecutive outcomes confirm a change.
     *
     * @param interval between two checks (probes), or how often a heartbeat must come
     * @param downAfter failed checks in a row that confirm DOWN
     * @param upAfter successful checks in a row that confirm UP
     */
    public record Schedule(Duration interval, int downAfter, int upAfter) {}

    /**
     * What the monitor stands for in the SLA.
     *
     * @param contract the contract whose service it watches, if tied to one
     * @param service the service of the contract it watches, if named
     * @param target availability target in percent (99.9); null in a parsed document that sets none, until
     *     the contract's tier or {@link #DEFAULT_TARGET} gives it
     * @param calendar the calendar availability is counted in; null for {@code 24x7}
     */
    public record Commitment(ContractId contract, String service, BigDecimal target, CalendarId calendar) {}

    public MonitorKind kind() {
        return probe.kind();
    }

    /** The definition with its availability target settled. */
    public MonitorDefinition withTarget(BigDecimal target) {
        return new MonitorDefinition(
                name,
                probe,
                schedule,
                new Commitment(commitment.contract(), commitment.service(), target, commitment.calendar()),
                active);
    }

    /**
     * Validates a monitor document (all but its {@code client} and {@code newSecret}), recording every
     * violation; null when invalid. References (contract, calendar) are checked by the caller, which also
     * settles a target the document leaves out.
     */
    public static MonitorDefinition parse(MonitorDocument document, Violations violations) {
        int before = violations.count();
        String name = violations.text("name", document.name(), 200);
        MonitorKind kind = violations.parse(
                "kind",
                document.kind(),
                "kind (HTTP, TCP, TLS, HEARTBEAT or EXTERNAL)",
                text -> MonitorKind.valueOf(text.toUpperCase(Locale.ROOT)));
        Duration interval = duration(violations, "interval", document.interval(), Duration.ofSeconds(60));
        if (interval != null && interval.compareTo(Duration.ofSeconds(10)) < 0) {
            violations.add("interval", "must be at least 10 seconds (PT10S), got " + document.interval());
            interval = null;
        } else if (interval != null && interval.compareTo(Duration.ofDays(1)) > 0) {
            violations.add("interval", "must be at most one day (P1D), got " + document.interval());
            interval = null;
        } else if (interval != null && interval.toMillis() % 1000 != 0) {
            violations.add("interval", "must be whole seconds, got " + document.interval());
            interval = null;
        }
        Duration timeout = duration(
                violations,
                "timeout",
                document.timeout(),
                interval == null ? Duration.ofSeconds(10) : min(Duration.ofSeconds(10), interval.dividedBy(2)));
        if (timeout != null && (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.toMillis() % 1000 != 0)) {
            violations.add("timeout", "must be whole seconds, at least 1 (PT1S), got " + document.timeout());
        } else if (timeout != null && interval != null && timeout.compareTo(interval) >= 0) {
            violations.add("timeout", "must be shorter than the interval (" + interval + "), got " + timeout);
        }
        int downAfter = count(violations, "downAfter", document.downAfter(), 2);
        int upAfter = count(violations, "upAfter", document.upAfter(), 1);
        BigDecimal target = document.target();
        if (target != null
                && (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0 || target.scale() > 4)) {
            violations.add("target", "must be above 0 and below 100 with at most 4 decimals (99.9), got " + target);
        }
        MonitorSettings settings = kind == null ? null : settings(kind, document, timeout, violations);
        UUID contract = violations.parseOptional("contractId", document.contractId(), "contract id", UUID::fromString);
        UUID calendar = violations.parseOptional("calendarId", document.calendarId(), "calendar id", UUID::fromString);
        String service = violations.optionalText("service", document.service(), 200);
        if (violations.count() > before) {
            return null;
        }
        return new MonitorDefinition(
                name,
                new Probe(kind, settings, timeout),
                new Schedule(interval, downAfter, upAfter),
                new Commitment(
                        contract == null ? null : new ContractId(contract),
                        service,
                        target,
                        calendar == null ? null : new CalendarId(calendar)),
                document.active() == null || document.active());
    }

    private static MonitorSettings settings(MonitorKind kind, MonitorDocument body, Duration timeout, Violations v) {
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
        return switch (kind) {
            case HTTP -> http(body, timeout, v);
            case TCP, TLS -> connection(kind, body, v);
            case HEARTBEAT -> heartbeat(body, v);
            case EXTERNAL -> external(body, v);
        };
    }

    private static MonitorSettings http(MonitorDocument body, Duration timeout, Violations v) {
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
            v.add("method", "must be one of " + new TreeSet<>(METHODS) + ", got " + body.method());
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
        return MonitorSettings.http(
                url,
                method,
                status[0],
                status[1],
                body.keyword(),
                body.keyword() == null ? null : Boolean.TRUE.equals(body.keywordAbsent()),
                maxLatency,
                body.followRedirects() == null || body.followRedirects(),
                body.verifyTls() == null || body.verifyTls());
    }

    private static MonitorSettings connection(MonitorKind kind, MonitorDocument body, Violations v) {
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
        if (port == null) {
            return null;
        }
        return kind == MonitorKind.TLS
                ? MonitorSettings.tls(host, port, body.verifyTls() == null || body.verifyTls(), warnDays)
                : MonitorSettings.tcp(host, port);
    }

    private static MonitorSettings heartbeat(MonitorDocument body, Violations v) {
        Duration grace = duration(v, "grace", body.grace(), Duration.ofSeconds(60));
        if (grace != null && (grace.isNegative() || grace.compareTo(Duration.ofDays(1)) > 0)) {
            v.add("grace", "must be between PT0S and P1D, got " + body.grace());
        }
        return MonitorSettings.heartbeat(grace);
    }

    private static MonitorSettings external(MonitorDocument body, Violations v) {
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
        return MonitorSettings.external(named);
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

    /** The shorter of the two, the second rounded down to whole seconds (at least one). */
    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : Duration.ofSeconds(Math.max(1, b.toSeconds()));
    }
}
