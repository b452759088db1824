package io.pledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Violation;
import io.pledge.core.Violations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Monitor documents validated into definitions: defaults, each invalid field named, kinds' settings. */
class MonitorDefinitionTest {

    /** A document with every field absent but those given. */
    static final class Doc {
        String client = "acme";
        String name = "ERP portal";
        String kind = "HTTP";
        String contractId;
        String service;
        String url = "https://erp.example.com/";
        String method;
        String expectedStatus;
        String keyword;
        Boolean keywordAbsent;
        String maxLatency;
        Boolean followRedirects;
        Boolean verifyTls;
        String host;
        Integer port;
        Integer warnDays;
        String grace;
        Map<String, String> labels;
        String interval;
        String timeout;
        Integer downAfter;
        Integer upAfter;
        BigDecimal target;
        String calendarId;
        Boolean active;

        static Doc of(String kind) {
            Doc doc = new Doc();
            doc.kind = kind;
            if (!kind.equals("HTTP")) {
                doc.url = null;
            }
            if (kind.equals("TCP") || kind.equals("TLS")) {
                doc.host = "erp.example.com";
            }
            if (kind.equals("TCP")) {
                doc.port = 22;
            }
            return doc;
        }

        Doc with(UnaryOperator<Doc> change) {
            return change.apply(this);
        }

        MonitorDocument document() {
            return new MonitorDocument(
                    client,
                    name,
                    kind,
                    contractId,
                    service,
                    url,
                    method,
                    expectedStatus,
                    keyword,
                    keywordAbsent,
                    maxLatency,
                    followRedirects,
                    verifyTls,
                    host,
                    port,
                    warnDays,
                    grace,
                    labels,
                    interval,
                    timeout,
                    downAfter,
                    upAfter,
                    target,
                    calendarId,
                    active,
                    null);
        }
    }

    private static MonitorDefinition valid(Doc doc) {
        Violations violations = new Violations();
        MonitorDefinition definition = MonitorDefinition.parse(doc.document(), violations);
        assertThat(violations.list()).isEmpty();
        assertThat(definition).isNotNull();
        return definition;
    }

    private static List<String> fields(Doc doc) {
        Violations violations = new Violations();
        MonitorDefinition definition = MonitorDefinition.parse(doc.document(), violations);
        assertThat(definition).as("an invalid document gives no definition").isNull();
        return violations.list().stream().map(Violation::field).toList();
    }

    @Test
    void anHttpMonitorTakesItsDefaults() {
        MonitorDefinition http = valid(Doc.of("HTTP"));
        assertThat(http.name()).isEqualTo("ERP portal");
        assertThat(http.kind()).isEqualTo(MonitorKind.HTTP);
        assertThat(http.schedule()).isEqualTo(new MonitorDefinition.Schedule(Duration.ofSeconds(60), 2, 1));
        assertThat(http.probe().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(http.probe().settings())
                .isEqualTo(MonitorSettings.http(
                        "https://erp.example.com/", "GET", 200, 299, null, null, null, true, true));
        assertThat(http.commitment()).isEqualTo(new MonitorDefinition.Commitment(null, null, null, null));
        assertThat(http.active()).isTrue();
    }

    @Test
    void aShortIntervalHalvesTheDefaultTimeoutToWholeSeconds() {
        assertThat(valid(Doc.of("TCP").with(d -> {
                            d.interval = "PT15S";
                            return d;
                        }))
                        .probe()
                        .timeout())
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void eachKindKeepsOnlyItsOwnSettings() {
        MonitorSettings tls = valid(Doc.of("TLS")).probe().settings();
        assertThat(tls.port()).isEqualTo(443);
        assertThat(tls.warnDays()).isEqualTo(14);
        assertThat(tls.verifyTls()).isTrue();
        assertThat(tls.url()).isNull();
        MonitorSettings tcp = valid(Doc.of("TCP")).probe().settings();
        assertThat(tcp.verifyTls()).isNull();
        assertThat(tcp.warnDays()).isNull();
        assertThat(valid(Doc.of("HEARTBEAT")).probe().settings().grace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(valid(Doc.of("EXTERNAL")).probe().settings().labels()).isEmpty();
        assertThat(valid(Doc.of("EXTERNAL").with(d -> {
                            d.labels = Map.of("team", "erp");
                            return d;
                        }))
                        .probe()
                        .settings()
                        .labels())
                .containsExactly(Map.entry("team", "erp"));
    }

    @Test
    void aGivenDefinitionIsKeptAsGiven() {
        UUID contract = UUID.randomUUID();
        UUID calendar = UUID.randomUUID();
        MonitorDefinition given = valid(Doc.of("HTTP").with(d -> {
            d.method = "head";
            d.expectedStatus = "3xx";
            d.keyword = "Sign in";
            d.keywordAbsent = true;
            d.maxLatency = "PT2S";
            d.followRedirects = false;
            d.interval = "PT30S";
            d.timeout = "PT5S";
            d.downAfter = 3;
            d.upAfter = 2;
            d.target = new BigDecimal("99.95");
            d.contractId = contract.toString();
            d.calendarId = calendar.toString();
            d.service = " ERP ";
            d.active = false;
            return d;
        }));
        MonitorSettings settings = given.probe().settings();
        assertThat(settings.method()).isEqualTo("HEAD");
        assertThat(settings.statusMin()).isEqualTo(300);
        assertThat(settings.statusMax()).isEqualTo(399);
        assertThat(settings.keyword()).isEqualTo("Sign in");
        assertThat(settings.keywordAbsent()).isTrue();
        assertThat(settings.maxLatency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.followRedirects()).isFalse();
        assertThat(given.schedule()).isEqualTo(new MonitorDefinition.Schedule(Duration.ofSeconds(30), 3, 2));
        assertThat(given.probe().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(given.commitment().target()).isEqualByComparingTo("99.95");
        assertThat(given.commitment().contract().value()).isEqualTo(contract);
        assertThat(given.commitment().calendar().value()).isEqualTo(calendar);
        assertThat(given.commitment().service()).isEqualTo("ERP");
        assertThat(given.active()).isFalse();
        assertThat(given.withTarget(BigDecimal.ONE).commitment().target()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void statusRangesAreARangeOneStatusOrAClass() {
        for (Map.Entry<String, List<Integer>> range : Map.of(
                        "200-204", List.of(200, 204),
                        "204", List.of(204, 204),
                        "2xx", List.of(200, 299))
                .entrySet()) {
            MonitorSettings settings = valid(Doc.of("HTTP").with(d -> {
                        d.expectedStatus = range.getKey();
                        return d;
                    }))
                    .probe()
                    .settings();
            assertThat(List.of(settings.statusMin(), settings.statusMax())).isEqualTo(range.getValue());
        }
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of(
                        "no name",
                        Doc.of("TCP").with(d -> {
                            d.name = " ";
                            return d;
                        }),
                        List.of("name")),
                Arguments.of(
                        "unknown kind",
                        Doc.of("TCP").with(d -> {
                            d.kind = "PING";
                            return d;
                        }),
                        List.of("kind")),
                Arguments.of(
                        "interval too short",
                        Doc.of("TCP").with(d -> {
                            d.interval = "PT5S";
                            return d;
                        }),
                        List.of("interval")),
                Arguments.of(
                        "interval too long",
                        Doc.of("TCP").with(d -> {
                            d.interval = "P2D";
                            return d;
                        }),
                        List.of("interval")),
                Arguments.of(
                        "interval not whole seconds",
                        Doc.of("TCP").with(d -> {
                            d.interval = "PT10.5S";
                            return d;
                        }),
                        List.of("interval")),
                Arguments.of(
                        "interval not a duration",
                        Doc.of("TCP").with(d -> {
                            d.interval = "soon";
                            return d;
                        }),
                        List.of("interval")),
                Arguments.of(
                        "timeout as long as the interval",
                        Doc.of("TCP").with(d -> {
                            d.interval = "PT10S";
                            d.timeout = "PT10S";
                            return d;
                        }),
                        List.of("timeout")),
                Arguments.of(
                        "timeout below a second",
                        Doc.of("TCP").with(d -> {
                            d.timeout = "PT0.5S";
                            return d;
                        }),
                        List.of("timeout")),
                Arguments.of(
                        "confirmations out of range",
                        Doc.of("TCP").with(d -> {
                            d.downAfter = 0;
                            d.upAfter = 21;
                            return d;
                        }),
                        List.of("downAfter", "upAfter")),
                Arguments.of(
                        "target of 100",
                        Doc.of("TCP").with(d -> {
                            d.target = BigDecimal.valueOf(100);
                            return d;
                        }),
                        List.of("target")),
                Arguments.of(
                        "target with 5 decimals",
                        Doc.of("TCP").with(d -> {
                            d.target = new BigDecimal("99.12345");
                            return d;
                        }),
                        List.of("target")),
                Arguments.of(
                        "contract not an id",
                        Doc.of("TCP").with(d -> {
                            d.contractId = "ERP";
                            return d;
                        }),
                        List.of("contractId")),
                Arguments.of(
                        "calendar not an id",
                        Doc.of("TCP").with(d -> {
                            d.calendarId = "office";
                            return d;
                        }),
                        List.of("calendarId")),
                Arguments.of(
                        "an HTTP monitor without a URL, with a host",
                        Doc.of("HTTP").with(d -> {
                            d.url = null;
                            d.host = "example.com";
                            return d;
                        }),
                        List.of("host", "url")),
                Arguments.of(
                        "a URL that is not http",
                        Doc.of("HTTP").with(d -> {
                            d.url = "ftp://example.com/";
                            return d;
                        }),
                        List.of("url")),
                Arguments.of(
                        "unknown method",
                        Doc.of("HTTP").with(d -> {
                            d.method = "FETCH";
                            return d;
                        }),
                        List.of("method")),
                Arguments.of(
                        "status range upside down",
                        Doc.of("HTTP").with(d -> {
                            d.expectedStatus = "299-200";
                            return d;
                        }),
                        List.of("expectedStatus")),
                Arguments.of(
                        "keywordAbsent without a keyword",
                        Doc.of("HTTP").with(d -> {
                            d.keywordAbsent = true;
                            return d;
                        }),
                        List.of("keywordAbsent")),
                Arguments.of(
                        "max latency over the timeout",
                        Doc.of("HTTP").with(d -> {
                            d.maxLatency = "PT11S";
                            return d;
                        }),
                        List.of("maxLatency")),
                Arguments.of(
                        "a TCP monitor without a port",
                        Doc.of("TCP").with(d -> {
                            d.port = null;
                            return d;
                        }),
                        List.of("port")),
                Arguments.of(
                        "a port out of range",
                        Doc.of("TLS").with(d -> {
                            d.port = 70000;
                            d.warnDays = 400;
                            return d;
                        }),
                        List.of("port", "warnDays")),
                Arguments.of(
                        "a TCP monitor with TLS settings",
                        Doc.of("TCP").with(d -> {
                            d.warnDays = 10;
                            d.verifyTls = true;
                            return d;
                        }),
                        List.of("warnDays", "verifyTls")),
                Arguments.of(
                        "a grace over a day",
                        Doc.of("HEARTBEAT").with(d -> {
                            d.grace = "P2D";
                            return d;
                        }),
                        List.of("grace")),
                Arguments.of(
                        "a label without a value",
                        Doc.of("EXTERNAL").with(d -> {
                            java.util.Map<String, String> labels = new java.util.HashMap<>();
                            labels.put("team", null);
                            d.labels = labels;
                            return d;
                        }),
                        List.of("labels.team")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void anInvalidDocumentNamesEachInvalidField(String what, Doc doc, List<String> fields) {
        assertThat(fields(doc)).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void violationsAreRecordedUnderTheCallersPrefix() {
        Violations violations = new Violations();
        MonitorDefinition.parse(
                Doc.of("TCP")
                        .with(d -> {
                            d.port = 0;
                            return d;
                        })
                        .document(),
                violations.under("monitor."));
        assertThat(violations.list()).extracting(Violation::field).containsExactly("monitor.port");
    }
}
