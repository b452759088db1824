package io.pledge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.alerts.DeliveryGauges;
import io.pledge.alerts.DeliverySender;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.MonitorGauges;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.SlaGauges;
import io.pledge.tickets.ThresholdFiring;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA, monitoring and delivery gauges an operator alerts on, read at {@code /actuator/prometheus} after
 * tickets, monitors and deliveries were made through the API. Each database runs it in a context and a
 * database of its own, so that the figures without a client label (deliveries, firing lag) are exact.
 */
public abstract class PrometheusContract extends DatabaseIntegrationTest {

    @Autowired
    MutableClock clock;

    @Autowired
    SlaGauges slaGauges;

    @Autowired
    MonitorGauges monitorGauges;

    @Autowired
    DeliveryGauges deliveryGauges;

    @Autowired
    ThresholdFiring firing;

    @Autowired
    DeliverySender sender;

    @Test
    void openClocksByStateAndTicketsAtRiskPerClient() {
        TestCatalog catalog = TestCatalog.create(api());
        String tier = tierOf(catalog);
        Instant opened = Timestamps.now(clock);
        open(catalog, "P1");
        open(catalog, "P2");
        String paused = open(catalog, "P2");
        event(paused, "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true}");
        event(paused, "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_VENDOR\"}");
        String resolved = open(catalog, "P1");
        event(resolved, "{\"type\": \"RESOLVED\"}");

        // 50 minutes on: P1's 15-minute first response is breached; P2's hour passed its 75 % (45 min).
        clock.set(opened.plus(Duration.ofMinutes(50)));
        fireAll();
        slaGauges.refresh();
        Scrape scrape = scrape();

        Map<String, Double> clocks = new LinkedHashMap<>();
        for (Sample sample : scrape.named("pledge_sla_clocks")) {
            if (sample.labels().get("client").equals(catalog.slug())) {
                assertThat(sample.labels().get("tier")).isEqualTo(tier);
                clocks.put(
                        sample.labels().get("priority") + " " + sample.labels().get("metric") + " "
                                + sample.labels().get("state"),
                        sample.value());
            }
        }
        assertThat(clocks)
                .containsOnly(
                        Map.entry("P1 FIRST_RESPONSE breached", 1.0),
                        Map.entry("P1 RESOLUTION running", 1.0),
                        Map.entry("P2 FIRST_RESPONSE running", 1.0),
                        Map.entry("P2 RESOLUTION running", 1.0),
                        Map.entry("P2 RESOLUTION paused", 1.0));
        assertThat(scrape.named("pledge_sla_tickets_at_risk").stream()
                        .filter(sample -> sample.labels().get("client").equals(catalog.slug())))
                .singleElement()
                .satisfies(sample -> {
                    assertThat(sample.labels()).containsEntry("priority", "P2");
                    assertThat(sample.value()).isEqualTo(1.0);
                });
        assertThat(scrape.named("pledge_sla_clocks"))
                .allSatisfy(sample -> assertThat(sample.labels().keySet())
                        .containsExactlyInAnyOrder("client", "tier", "priority", "metric", "state"));
    }

    @Test
    void monitorsByClientKindAndStatus() {
        TestCatalog catalog = TestCatalog.create(api());
        List<Response> monitors = new ArrayList<>();
        for (String name : List.of("ERP", "Mail", "VPN", "Old")) {
            Response created = api().post("/api/v1/monitors", """
                    {"client": "%s", "name": "%s", "kind": "EXTERNAL"}""".formatted(catalog.slug(), name));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            monitors.add(created);
        }
        external(monitors.get(0)).post("/api/v1/ingest/monitor-events", "{\"status\": \"DOWN\", \"reason\": \"503\"}");
        external(monitors.get(1)).post("/api/v1/ingest/monitor-events", "{\"status\": \"UP\"}");
        assertThat(api().delete("/api/v1/monitors/"
                                + monitors.get(3).json().get("id").asString())
                        .status())
                .isEqualTo(204);

        monitorGauges.refresh();

        Map<String, Double> byStatus = new LinkedHashMap<>();
        for (Sample sample : scrape().named("pledge_monitors")) {
            if (sample.labels().get("client").equals(catalog.slug())) {
                byStatus.put(sample.labels().get("kind") + " " + sample.labels().get("status"), sample.value());
            }
        }
        assertThat(byStatus)
                .containsOnly(
                        Map.entry("external down", 1.0),
                        Map.entry("external up", 1.0),
                        Map.entry("external pending", 1.0));
    }

    @Test
    void deliveriesPendingAndDeadTheOldestPendingAndTheFiringLag() throws Exception {
        // Whatever other tests of this database left: every threshold fired, every delivery sent or dead.
        clock.advance(Duration.ofDays(60));
        fireAll();
        for (int attempt = 0; attempt <= 6; attempt++) {
            clock.advance(Duration.ofHours(2));
            while (sender.sendDue(100) > 0) {
                // until nothing is due
            }
        }
        refreshAll();
        Scrape before = scrape();
        assertThat(before.value("pledge_sla_firing_lag_seconds", Map.of())).isZero();
        assertThat(before.value("pledge_deliveries_oldest_pending_age_seconds", Map.of()))
                .isZero();
        assertThat(before.value("pledge_deliveries", Map.of("state", "pending", "action", "webhook")))
                .isZero();
        double deadBefore = before.value("pledge_deliveries", Map.of("state", "dead", "action", "webhook"));

        TestCatalog catalog = TestCatalog.create(api());
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Response rule = api().post("/api/v1/escalations", """
                {"name": "to nowhere", "client": "%s", "metric": "FIRST_RESPONSE", "ratio": 0.75,
                 "action": "WEBHOOK", "target": "http://127.0.0.1:%d/hook"}""".formatted(catalog.slug(), closed));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        Instant opened = Timestamps.now(clock);
        open(catalog, "P1");
        open(catalog, "P1");

        // Warned at 12 min (75 % of 15), both webhooks fail; at 17 min the 90 % (13 min 30 s) is 3 min 30 s late.
        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAll();
        sender.sendDue(100);
        clock.set(opened.plus(Duration.ofMinutes(17)));
        refreshAll();
        Scrape owed = scrape();
        assertThat(owed.value("pledge_deliveries", Map.of("state", "pending", "action", "webhook")))
                .isEqualTo(2.0);
        assertThat(owed.value("pledge_deliveries_oldest_pending_age_seconds", Map.of()))
                .isEqualTo(300.0);
        assertThat(owed.value("pledge_sla_firing_lag_seconds", Map.of())).isEqualTo(210.0);

        for (int attempt = 1; attempt < 6; attempt++) {
            clock.advance(Duration.ofHours(1));
            sender.sendDue(100);
        }
        fireAll();
        refreshAll();
        Scrape dead = scrape();
        assertThat(dead.value("pledge_deliveries", Map.of("state", "pending", "action", "webhook")))
                .isZero();
        assertThat(dead.value("pledge_deliveries", Map.of("state", "dead", "action", "webhook")))
                .isEqualTo(deadBefore + 2);
        assertThat(dead.value("pledge_deliveries_oldest_pending_age_seconds", Map.of()))
                .isZero();
        assertThat(dead.value("pledge_sla_firing_lag_seconds", Map.of())).isZero();
    }

    private void refreshAll() {
        slaGauges.refresh();
        monitorGauges.refresh();
        deliveryGauges.refresh();
    }

    private void fireAll() {
        while (firing.fireDue(1000) > 0) {
            // until nothing is due
        }
    }

    private Api external(Response monitor) {
        return Api.at(port).withToken(monitor.json().get("secret").asString());
    }

    private String tierOf(TestCatalog catalog) {
        String tierId = api().get("/api/v1/clients/" + catalog.clientId() + "/contract")
                .json()
                .get("tierId")
                .asString();
        return api().get("/api/v1/tiers/" + tierId).json().get("name").asString();
    }

    private String open(TestCatalog catalog, String priority) {
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"%s\", \"subject\": \"Down\"}"
                                .formatted(catalog.slug(), priority));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private void event(String ticket, String body) {
        Response recorded = api().post("/api/v1/tickets/" + ticket + "/events", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private Scrape scrape() {
        Response response = api().anonymous().get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    /** One line of the exposition format: a name, its labels and a value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    /** A scrape of the Prometheus text format. */
    record Scrape(List<Sample> samples) {

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape parse(String text) {
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher matcher = LINE.matcher(line);
                assertThat(matcher.matches()).as(line).isTrue();
                Map<String, String> labels = new LinkedHashMap<>();
                if (matcher.group(3) != null) {
                    Matcher label = LABEL.matcher(matcher.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
            }
            return new Scrape(samples);
        }

        List<Sample> named(String name) {
            return samples.stream().filter(sample -> sample.name().equals(name)).toList();
        }

        /** The value of the one series of {@code name} whose labels include {@code labels}. */
        double value(String name, Map<String, String> labels) {
            List<Sample> matching = named(name).stream()
                    .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
            assertThat(matching).as(name + " " + labels + " in " + named(name)).hasSize(1);
            return matching.get(0).value();
        }
    }
}
