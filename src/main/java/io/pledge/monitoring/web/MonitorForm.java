package io.pledge.monitoring.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorDefinition;
import io.pledge.monitoring.MonitorDocument;
import io.pledge.monitoring.MonitorSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitor as its page's form carries it: every field as typed. A field left empty is absent from the
 * document handed to {@link io.pledge.monitoring.MonitorCatalog} (its default applies, as in the API), so
 * each kind's form sends only its own settings; a number that is not one is named as the API names it.
 */
record MonitorForm(
        String client,
        String name,
        String kind,
        String url,
        String method,
        String expectedStatus,
        String keyword,
        String maxLatency,
        String host,
        String port,
        String warnDays,
        String grace,
        String interval,
        String timeout,
        String downAfter,
        String upAfter,
        String target,
        String service,
        String contractId,
        Boolean active) {

    /** The fields this form shows, for the errors naming another one (shown at the top). */
    static final List<String> FIELDS = List.of(
            "client",
            "name",
            "kind",
            "url",
            "method",
            "expectedStatus",
            "keyword",
            "maxLatency",
            "host",
            "port",
            "warnDays",
            "grace",
            "interval",
            "timeout",
            "downAfter",
            "upAfter",
            "target",
            "service",
            "contractId");

    static MonitorForm empty() {
        return new MonitorForm(
                null, null, "HTTP", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, true);
    }

    /** The form of a monitor being changed, filled with its definition. */
    static MonitorForm of(Monitor monitor) {
        MonitorDefinition d = monitor.definition();
        MonitorSettings s = d.probe().settings();
        MonitorDefinition.Commitment c = d.commitment();
        return new MonitorForm(
                null,
                d.name(),
                d.kind().name(),
                s.url(),
                s.method(),
                s.statusMin() == null ? null : s.statusMin() + "-" + s.statusMax(),
                s.keyword(),
                text(s.maxLatency()),
                s.host(),
                text(s.port()),
                text(s.warnDays()),
                text(s.grace()),
                d.schedule().interval().toString(),
                d.probe().timeout().toString(),
                String.valueOf(d.schedule().downAfter()),
                String.valueOf(d.schedule().upAfter()),
                c.target() == null ? null : c.target().toPlainString(),
                c.service(),
                c.contract() == null ? null : c.contract().value().toString(),
                d.active());
    }

    /**
     * The document the API would have received.
     *
     * @throws InvalidRequestException naming each number field that holds no number
     */
    MonitorDocument document(boolean withClient) {
        List<Violation> violations = new ArrayList<>();
        Integer port = whole("port", port(), violations);
        Integer warnDays = whole("warnDays", warnDays(), violations);
        Integer downAfter = whole("downAfter", downAfter(), violations);
        Integer upAfter = whole("upAfter", upAfter(), violations);
        BigDecimal target = null;
        if (given(target())) {
            try {
                target = new BigDecimal(target().trim());
            } catch (NumberFormatException e) {
                violations.add(new Violation("target", "must be a number, got " + target()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new MonitorDocument(
                withClient ? blankless(client()) : null,
                blankless(name()),
                blankless(kind()),
                blankless(contractId()),
                blankless(service()),
                blankless(url()),
                blankless(method()),
                blankless(expectedStatus()),
                blankless(keyword()),
                null,
                blankless(maxLatency()),
                null,
                null,
                blankless(host()),
                port,
                warnDays,
                blankless(grace()),
                null,
                blankless(interval()),
                blankless(timeout()),
                downAfter,
                upAfter,
                target,
                null,
                active() == null ? Boolean.FALSE : active(),
                null);
    }

    private static Integer whole(String field, String value, List<Violation> violations) {
        if (!given(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "must be a whole number, got " + value));
            return null;
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankless(String value) {
        return given(value) ? value.trim() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
