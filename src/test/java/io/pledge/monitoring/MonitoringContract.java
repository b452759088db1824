package io.pledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Monitors through the API and the check rounds, against real servers switched up and down, on a clock
 * the test moves: exact downtime, events once per change, heartbeats, Alertmanager and JSON alerts,
 * maintenance, monitoring gaps, burn-rate alerts, access. Run on H2 and PostgreSQL.
 */
public abstract class MonitoringContract extends DatabaseIntegrationTest {

    @Autowired
    CheckScheduler scheduler;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Monitors monitors;

    @Autowired
    MonitoringGaps gaps;

    @Autowired
    CheckStatistics statistics;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    final List<Object> events = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload().getClass().getPackageName().equals("io.pledge.monitoring")) {
            events.add(payload.getPayload());
        }
    };

    Targets.Web web;
    TestCatalog catalog;
    Instant t0;

    @BeforeEach
    void setUp() throws Exception {
        quiet();
        context.addApplicationListener(recorder);
        web = Targets.Web.http();
        catalog = TestCatalog.create(api());
        // Other tests' checks leave the node's gap window (30 s) before this test's first round.
        t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(61);
        clock.set(t0);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(recorder);
        web.close();
        quiet();
    }

    /** Other tests' monitors and gaps stay out of this test's rounds and figures. */
    private void quiet() {
        jdbc.sql("update monitor set active = false").update();
        jdbc.sql("delete from monitoring_gap").update();
    }

    CheckScheduler.Outcome round() throws Exception {
        return scheduler.checkDue().done().get(30, TimeUnit.SECONDS);
    }

    CheckScheduler.Outcome after(Duration step) throws Exception {
        clock.advance(step);
        return round();
    }

    JsonNode create(String json) {
        Response created = api().post("/api/v1/monitors", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    JsonNode httpMonitor(int downAfter) {
        return create("""
                {"client": "%s", "name": "ERP portal", "kind": "HTTP", "url": "%s", "interval": "PT30S",
                 "timeout": "PT5S", "downAfter": %d, "upAfter": 1}""".formatted(catalog.slug(), web.url("/"), downAfter));
    }

    JsonNode monitor(String id) {
        return api().get("/api/v1/monitors/" + id).json();
    }

    <T> List<T> eventsOf(Class<T> type, String monitorId) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> monitorIdOf(e).equals(UUID.fromString(monitorId)))
                .toList();
    }

    private static UUID monitorIdOf(Object event) {
        if (event instanceof MonitorWentDown e) {
            return e.monitorId();
        }
        if (event instanceof MonitorCameUp e) {
            return e.monitorId();
        }
        if (event instanceof ErrorBudgetBurning e) {
            return e.monitorId();
        }
        return event instanceof ErrorBudgetBurnEnded e ? e.monitorId() : new UUID(0, 0);
    }

    JsonNode availability(String id, Instant from, Instant to) {
        Response answer = api().get("/api/v1/monitors/" + id + "/availability?from=" + from + "&to=" + to);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void downtimeRunsFromTheFirstFailedCheckToTheFirstSuccessfulOne() throws Exception {
        String id = httpMonitor(2).get("id").asString();
        assertThat(monitor(id).get("status").asString()).isEqualTo("PENDING");

        after(Duration.ofSeconds(30)); // t0+30 passes
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");
        web.status.set(500);
        after(Duration.ofSeconds(30)); // t0+60 fails: one failure is not enough
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");
        assertThat(eventsOf(MonitorWentDown.class, id)).isEmpty();
        after(Duration.ofSeconds(30)); // t0+90 fails: DOWN since t0+60
        JsonNode down = monitor(id);
        assertThat(down.get("status").asString()).isEqualTo("DOWN");
        assertThat(Instant.parse(down.get("statusSince").asString())).isEqualTo(t0.plusSeconds(60));
        assertThat(down.get("lastError").asString()).isEqualTo("status 500 outside 200-299");
        after(Duration.ofSeconds(30)); // t0+120 fails again: no new event
        web.status.set(200);
        after(Duration.ofSeconds(30)); // t0+150 passes: UP, downtime [t0+60, t0+150)

        List<MonitorWentDown> wentDown = eventsOf(MonitorWentDown.class, id);
        assertThat(wentDown).hasSize(1);
        assertThat(wentDown.get(0).downSince()).isEqualTo(t0.plusSeconds(60));
        assertThat(wentDown.get(0).detectedAt()).isEqualTo(t0.plusSeconds(90));
        assertThat(wentDown.get(0).clientId().toString()).isEqualTo(catalog.clientId());
        assertThat(wentDown.get(0).inMaintenance()).isFalse();
        List<MonitorCameUp> cameUp = eventsOf(MonitorCameUp.class, id);
        assertThat(cameUp).hasSize(1);
        assertThat(cameUp.get(0).downSince()).isEqualTo(t0.plusSeconds(60));
        assertThat(cameUp.get(0).upAt()).isEqualTo(t0.plusSeconds(150));
        assertThat(cameUp.get(0).downtime()).isEqualTo(Duration.ofSeconds(90));

        JsonNode report = availability(id, t0, t0.plusSeconds(150));
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(90);
        assertThat(api().get("/api/v1/monitors/" + id + "/availability?from=" + t0 + "&to=" + t0.plusSeconds(150))
                        .body())
                .contains("\"downtime\":{\"duration\":\"PT1M30S\",\"seconds\":90}");
        // Watched from the first check at t0+30: 90 s down of 120 s covered (t0..t0+30 is no data).
        assertThat(report.get("availability").decimalValue()).isEqualByComparingTo("25");
        assertThat(Instant.parse(report.get("coverage").get("from").asString())).isEqualTo(t0.plusSeconds(30));
        assertThat(report.get("coverage").get("seconds").asInt()).isEqualTo(120);
        assertThat(report.get("coverage").get("fraction").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(report.get("downtimes")).hasSize(1);
        assertThat(Instant.parse(report.get("downtimes").get(0).get("start").asString()))
                .isEqualTo(t0.plusSeconds(60));
        assertThat(Instant.parse(report.get("downtimes").get(0).get("end").asString()))
                .isEqualTo(t0.plusSeconds(150));
        // Budget: 120 s covered at 99.9 % allows 0.12 s; 90 s were used.
        assertThat(report.get("errorBudget").get("allowed").get("seconds").decimalValue())
                .isEqualByComparingTo("0.12");
        assertThat(report.get("errorBudget").get("remaining").get("seconds").decimalValue())
                .isEqualByComparingTo("-89.88");

        // Five checks, three failed, counted in the hourly statistics.
        JsonNode stats = api().get("/api/v1/monitors/" + id + "/checks?granularity=HOUR&from=" + t0.minusSeconds(7200)
                        + "&to=" + t0.plusSeconds(7200))
                .json();
        int checks = 0;
        int failures = 0;
        for (JsonNode hour : stats) {
            checks += hour.get("checks").asInt();
            failures += hour.get("failures").asInt();
        }
        assertThat(checks).isEqualTo(5);
        assertThat(failures).isEqualTo(3);
        assertThat(web.requests.get()).isEqualTo(5);
    }

    @Test
    void timeBeforeAMonitorWasWatchedIsNoDataNotUptime() throws Exception {
        web.status.set(500);
        String id = httpMonitor(1).get("id").asString();
        String quarter = "/api/v1/monitors/" + id + "/availability?period=quarter&zone=UTC";
        // Nothing checked yet: no coverage, no availability, no target met.
        JsonNode unwatched = api().get(quarter).json();
        assertThat(unwatched.get("availability").isNull())
                .as(unwatched.toString())
                .isTrue();
        assertThat(unwatched.get("meetsTarget").asBoolean()).isFalse();
        assertThat(unwatched.get("coverage").get("fraction").decimalValue()).isZero();
        assertThat(unwatched.get("coverage").get("from").isNull()).isTrue();

        after(Duration.ofSeconds(30)); // t0+30 fails: DOWN since
        for (int i = 0; i < 4; i++) {
            after(Duration.ofMinutes(15));
        }
        JsonNode report = api().get(quarter).json();
        // Down ever since its first check: 0 %, however long the quarter before it.
        assertThat(report.get("availability").decimalValue())
                .as(report.toString())
                .isEqualByComparingTo("0");
        assertThat(report.get("meetsTarget").asBoolean()).isFalse();
        assertThat(Instant.parse(report.get("coverage").get("from").asString())).isEqualTo(t0.plusSeconds(30));
        assertThat(Instant.parse(report.get("coverage").get("until").asString()))
                .isEqualTo(clock.instant());
        assertThat(report.get("coverage").get("seconds").asInt()).isEqualTo(3600);
        assertThat(report.get("coverage").get("fraction").decimalValue())
                .isLessThan(java.math.BigDecimal.ONE)
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(3600)
                        .divide(
                                report.get("period").get("seconds").decimalValue(),
                                6,
                                java.math.RoundingMode.HALF_EVEN));
        assertThat(report.get("counted").get("seconds").asInt()).isEqualTo(3600);
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(3600);
    }

    @Test
    void heartbeatsKeepAMonitorUpAndTheirAbsenceTakesItDown() throws Exception {
        JsonNode created = create("""
                {"client": "%s", "name": "Nightly backup", "kind": "HEARTBEAT", "interval": "PT60S", "grace": "PT30S"}""".formatted(catalog.slug()));
        String id = created.get("id").asString();
        String url = created.get("heartbeatUrl").asString();
        assertThat(url).startsWith("/api/v1/ingest/heartbeats/");
        assertThat(monitor(id).get("heartbeatUrl")).isNull();

        assertThat(Api.at(port).anonymous().get(url).status()).isEqualTo(204);
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");
        after(Duration.ofSeconds(60)); // within interval + grace
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");
        after(Duration.ofSeconds(40)); // t0+100: the deadline t0+90 has passed
        assertThat(monitor(id).get("status").asString()).isEqualTo("DOWN");
        assertThat(Api.at(port).anonymous().post(url, null).status()).isEqualTo(204);
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");

        assertThat(eventsOf(MonitorWentDown.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.downSince()).isEqualTo(t0.plusSeconds(90)));
        assertThat(eventsOf(MonitorCameUp.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.upAt()).isEqualTo(t0.plusSeconds(100)));
        assertThat(availability(id, t0, t0.plusSeconds(100))
                        .get("downtime")
                        .get("seconds")
                        .asInt())
                .isEqualTo(10);
        assertThat(Api.at(port)
                        .anonymous()
                        .get("/api/v1/ingest/heartbeats/not-a-token")
                        .status())
                .isEqualTo(404);
    }

    String alertmanager(String status, String fingerprint, Instant startsAt, String endsAt, String service) {
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"ErpDown\\"}", "status": "%s", "receiver": "pledge",
                 "groupLabels": {"alertname": "ErpDown"}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093", "truncatedAlerts": 0,
                 "alerts": [
                   {"status": "%s", "labels": {"alertname": "ErpDown", "service": "%s", "env": "prod"},
                    "annotations": {"summary": "ERP is down"}, "startsAt": "%s", "endsAt": "%s",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"}]}""".formatted(status, status, service, startsAt, endsAt, fingerprint);
    }

    @Test
    void alertmanagerOpensAndClosesDowntimeOfTheMonitorItsLabelsMatch() {
        JsonNode created = create("""
                {"client": "%s", "name": "ERP (Prometheus)", "kind": "EXTERNAL", "labels": {"service": "erp"}}""".formatted(catalog.slug()));
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        Api alerts = Api.at(port).withToken(secret);
        Instant start = t0.minusSeconds(300);
        String firing = alertmanager("firing", "a1b2c3", start, "0001-01-01T00:00:00Z", "erp");

        Response first = alerts.post("/api/v1/ingest/alertmanager", firing);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("opened").asInt()).isEqualTo(1);
        assertThat(monitor(id).get("status").asString()).isEqualTo("DOWN");
        // Alertmanager repeats firing alerts: nothing changes.
        Response repeat = alerts.post("/api/v1/ingest/alertmanager", firing);
        assertThat(repeat.json().get("opened").asInt()).isZero();
        // Another service's alert does not concern this monitor.
        assertThat(alerts.post(
                                "/api/v1/ingest/alertmanager",
                                alertmanager("firing", "d4e5", start, "0001-01-01T00:00:00Z", "crm"))
                        .json()
                        .get("matched")
                        .asInt())
                .isZero();

        Instant end = t0.minusSeconds(60);
        String resolved = alertmanager("resolved", "a1b2c3", start, end.toString(), "erp");
        assertThat(alerts.post("/api/v1/ingest/alertmanager", resolved)
                        .json()
                        .get("closed")
                        .asInt())
                .isEqualTo(1);
        assertThat(alerts.post("/api/v1/ingest/alertmanager", resolved)
                        .json()
                        .get("closed")
                        .asInt())
                .isZero();
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");

        assertThat(eventsOf(MonitorWentDown.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.downSince()).isEqualTo(start));
        assertThat(eventsOf(MonitorCameUp.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.upAt()).isEqualTo(end));
        JsonNode report = availability(id, t0.minusSeconds(600), t0);
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(240);
        assertThat(report.get("downtimes").get(0).get("source").asString()).isEqualTo("ALERTMANAGER");

        // Authenticated by the monitor's secret only.
        assertThat(Api.at(port)
                        .anonymous()
                        .post("/api/v1/ingest/alertmanager", firing)
                        .status())
                .isEqualTo(401);
        assertThat(Api.at(port)
                        .withToken("wrong")
                        .post("/api/v1/ingest/alertmanager", firing)
                        .status())
                .isEqualTo(401);
        assertThat(api().post("/api/v1/ingest/alertmanager", firing).status()).isEqualTo(401);
        Response malformed =
                alerts.post("/api/v1/ingest/alertmanager", "{\"status\": \"firing\", \"alerts\": [{\"labels\": {}}]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().findValuesAsString("field")).contains("alerts[0].startsAt");
    }

    @Test
    void genericJsonEventsOpenAndCloseAnIncidentOnce() {
        JsonNode created = create("""
                {"client": "%s", "name": "Mail relay", "kind": "EXTERNAL"}""".formatted(catalog.slug()));
        String id = created.get("id").asString();
        Api tool = Api.at(port).withToken(created.get("secret").asString());
        String down = "{\"status\": \"DOWN\", \"key\": \"inc-7\", \"at\": \"%s\", \"reason\": \"queue stuck\"}"
                .formatted(t0.minusSeconds(600));
        assertThat(tool.post("/api/v1/ingest/monitor-events", down)
                        .json()
                        .get("opened")
                        .asInt())
                .isEqualTo(1);
        assertThat(tool.post("/api/v1/ingest/monitor-events", down)
                        .json()
                        .get("opened")
                        .asInt())
                .isZero();
        String up = "{\"status\": \"UP\", \"key\": \"inc-7\", \"at\": \"%s\"}".formatted(t0.minusSeconds(300));
        assertThat(tool.post("/api/v1/ingest/monitor-events", up)
                        .json()
                        .get("closed")
                        .asInt())
                .isEqualTo(1);
        assertThat(tool.post("/api/v1/ingest/monitor-events", up)
                        .json()
                        .get("closed")
                        .asInt())
                .isZero();
        assertThat(availability(id, t0.minusSeconds(900), t0)
                        .get("downtime")
                        .get("seconds")
                        .asInt())
                .isEqualTo(300);
        assertThat(eventsOf(MonitorWentDown.class, id)).hasSize(1);
        assertThat(eventsOf(MonitorCameUp.class, id)).hasSize(1);
        Response bad = tool.post("/api/v1/ingest/monitor-events", "{\"status\": \"SIDEWAYS\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().findValuesAsString("field")).containsExactly("status");
    }

    @Test
    void genericEventsReachALabelledMonitorTheirSecretNames() {
        JsonNode created = create("""
                {"client": "%s", "name": "ERP (Prometheus and scripts)", "kind": "EXTERNAL", "labels": {"service": "erp"}}""".formatted(catalog.slug()));
        String id = created.get("id").asString();
        Api tool = Api.at(port).withToken(created.get("secret").asString());
        Response down = tool.post(
                "/api/v1/ingest/monitor-events",
                "{\"status\": \"DOWN\", \"key\": \"batch\", \"at\": \"%s\"}".formatted(t0.minusSeconds(120)));
        assertThat(down.status()).as(down.toString()).isEqualTo(200);
        assertThat(down.json().get("matched").asInt()).isEqualTo(1);
        assertThat(down.json().get("opened").asInt()).isEqualTo(1);
        assertThat(monitor(id).get("status").asString()).isEqualTo("DOWN");
        Response up = tool.post(
                "/api/v1/ingest/monitor-events",
                "{\"status\": \"UP\", \"key\": \"batch\", \"at\": \"%s\"}".formatted(t0.minusSeconds(60)));
        assertThat(up.json().get("closed").asInt()).isEqualTo(1);
        assertThat(monitor(id).get("status").asString()).isEqualTo("UP");
        assertThat(eventsOf(MonitorWentDown.class, id)).hasSize(1);
        assertThat(availability(id, t0.minusSeconds(300), t0)
                        .get("downtime")
                        .get("seconds")
                        .asInt())
                .isEqualTo(60);
        // The labels still choose among the alerts of an Alertmanager group.
        assertThat(tool.post(
                                "/api/v1/ingest/alertmanager",
                                alertmanager("firing", "f00d", t0, "0001-01-01T00:00:00Z", "crm"))
                        .json()
                        .get("matched")
                        .asInt())
                .isZero();
    }

    @Test
    void downtimeInsideMaintenanceIsNotCountedAndTheMonitorShowsMaintenance() throws Exception {
        String id = httpMonitor(2).get("id").asString();
        Response window = api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "name": "ERP upgrade", "startsAt": "%s", "endsAt": "%s"}""".formatted(
                        catalog.slug(), t0.plusSeconds(90), t0.plusSeconds(120)));
        assertThat(window.status()).as(window.toString()).isEqualTo(201);

        after(Duration.ofSeconds(30)); // t0+30 ok
        web.status.set(503);
        after(Duration.ofSeconds(30)); // t0+60 fails
        after(Duration.ofSeconds(30)); // t0+90 fails: DOWN since t0+60, inside the window
        assertThat(monitor(id).get("status").asString()).isEqualTo("MAINTENANCE");
        after(Duration.ofSeconds(30)); // t0+120 fails; the window has ended
        assertThat(monitor(id).get("status").asString()).isEqualTo("DOWN");
        web.status.set(200);
        after(Duration.ofSeconds(30)); // t0+150 ok

        assertThat(eventsOf(MonitorWentDown.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.inMaintenance()).isTrue());
        // Watched from t0+30: 120 s, 30 s of maintenance; downtime t0+60..t0+150 less the window: 60 s of 90 s.
        JsonNode report = availability(id, t0, t0.plusSeconds(150));
        assertThat(report.get("coverage").get("seconds").asInt()).isEqualTo(120);
        assertThat(report.get("maintenance").get("seconds").asInt()).isEqualTo(30);
        assertThat(report.get("counted").get("seconds").asInt()).isEqualTo(90);
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(60);
        assertThat(report.get("availability").decimalValue()).isEqualByComparingTo("33.333333");
        assertThat(report.get("maintenanceWindows")).hasSize(1);

        Response weekly = api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "Sunday patching",
                 "weekly": {"zone": "Europe/Paris", "days": ["SUN", "Someday"], "start": "25:00", "duration": "PT2H"}}""".formatted(catalog.slug(), id));
        assertThat(weekly.status()).isEqualTo(400);
        assertThat(weekly.json().findValuesAsString("field"))
                .containsExactlyInAnyOrder("weekly.days[1]", "weekly.start");
        Response sundays = api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "Sunday patching",
                 "weekly": {"zone": "Europe/Paris", "days": ["SUN"], "start": "02:00", "duration": "PT2H"}}""".formatted(catalog.slug(), id));
        assertThat(sundays.status()).as(sundays.toString()).isEqualTo(201);
        assertThat(api().get("/api/v1/maintenance-windows?monitor=" + id).json())
                .hasSize(2);
        assertThat(api().delete("/api/v1/maintenance-windows/"
                                + sundays.json().get("id").asString())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aWindowInThePastIsRefusedUnlessRetroactiveWithAReasonAndThenFlagged() throws Exception {
        String id = httpMonitor(1).get("id").asString();
        web.status.set(500);
        after(Duration.ofSeconds(30)); // t0+30 fails: DOWN since
        after(Duration.ofSeconds(30));
        after(Duration.ofSeconds(30)); // now t0+90: 60 s of downtime recorded
        String past = """
                {"client": "%s", "monitorId": "%s", "name": "Forgotten upgrade", "startsAt": "%s", "endsAt": "%s"%s}""";
        Response refused = api().post(
                        "/api/v1/maintenance-windows",
                        past.formatted(catalog.slug(), id, t0.plusSeconds(30), t0.plusSeconds(60), ""));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().findValuesAsString("field")).containsExactly("startsAt");
        assertThat(refused.json().findValuesAsString("message").get(0)).contains("retroactive");
        Response weeklyFromThePast =
                api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "name": "Patching", "startsAt": "%s",
                 "weekly": {"zone": "UTC", "days": ["MON"], "start": "02:00", "duration": "PT2H"}}""".formatted(catalog.slug(), t0.minus(Duration.ofDays(30))));
        assertThat(weeklyFromThePast.json().findValuesAsString("field")).containsExactly("startsAt");
        Response noReason = api().post(
                        "/api/v1/maintenance-windows",
                        past.formatted(
                                catalog.slug(),
                                id,
                                t0.plusSeconds(30),
                                t0.plusSeconds(60),
                                ", \"retroactive\": true, \"reason\": \"  \""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().findValuesAsString("field")).containsExactly("reason");
        Response reasonAlone = api().post(
                        "/api/v1/maintenance-windows",
                        past.formatted(
                                catalog.slug(), id, t0.plusSeconds(30), t0.plusSeconds(60), ", \"reason\": \"x\""));
        assertThat(reasonAlone.json().findValuesAsString("field")).containsExactlyInAnyOrder("startsAt", "reason");
        assertThat(api().get("/api/v1/maintenance-windows?monitor=" + id).json())
                .isEmpty();
        assertThat(availability(id, t0, clock.instant())
                        .get("downtime")
                        .get("seconds")
                        .asInt())
                .isEqualTo(60);

        Response taken = api().post(
                        "/api/v1/maintenance-windows",
                        past.formatted(
                                catalog.slug(),
                                id,
                                t0.plusSeconds(30),
                                t0.plusSeconds(60),
                                ", \"retroactive\": true, \"reason\": \"CHG-1042; agreed with the client on the phone\""));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        String window = taken.json().get("id").asString();
        assertThat(taken.json().get("retroactive").asBoolean()).isTrue();
        assertThat(taken.json().get("reason").asString()).isEqualTo("CHG-1042; agreed with the client on the phone");
        JsonNode listed = api().get("/api/v1/maintenance-windows?monitor=" + id).json();
        assertThat(listed.get(0).get("retroactive").asBoolean()).isTrue();

        String details = jdbc.sql("select details from audit_entry where action = 'maintenance.retroactive'"
                        + " and subject = :subject")
                .param("subject", "/api/v1/maintenance-windows/" + window)
                .query(String.class)
                .single();
        assertThat(details)
                .startsWith("retroactive=true;client=" + catalog.clientId() + ";monitor=" + id)
                .contains(";startsAt=" + t0.plusSeconds(30) + ";endsAt=" + t0.plusSeconds(60))
                .endsWith(";reason=CHG-1042; agreed with the client on the phone");

        JsonNode report = availability(id, t0, clock.instant());
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(30);
        assertThat(report.get("retroactiveMaintenance")).hasSize(1);
        JsonNode flagged = report.get("retroactiveMaintenance").get(0);
        assertThat(flagged.get("id").asString()).isEqualTo(window);
        assertThat(flagged.get("reason").asString()).isEqualTo("CHG-1042; agreed with the client on the phone");
        assertThat(Instant.parse(flagged.get("spans").get(0).get("start").asString()))
                .isEqualTo(t0.plusSeconds(30));
        assertThat(Instant.parse(flagged.get("spans").get(0).get("end").asString()))
                .isEqualTo(t0.plusSeconds(60));

        // Planned ahead, a window is not retroactive; a weekly one without startsAt applies from now on.
        Response ahead = api().post(
                        "/api/v1/maintenance-windows",
                        past.formatted(
                                catalog.slug(),
                                id,
                                clock.instant(),
                                clock.instant().plusSeconds(60),
                                ""));
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(201);
        assertThat(ahead.json().get("retroactive").asBoolean()).isFalse();
        Response weekly = api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "name": "Patching",
                 "weekly": {"zone": "UTC", "days": ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], "start": "00:00",
                 "duration": "P1D"}}""".formatted(catalog.slug()));
        assertThat(weekly.status()).as(weekly.toString()).isEqualTo(201);
        assertThat(Instant.parse(weekly.json().get("startsAt").asString())).isEqualTo(clock.instant());
        JsonNode after = availability(id, t0, clock.instant());
        assertThat(after.get("downtime").get("seconds").asInt()).isEqualTo(30);
        assertThat(after.get("retroactiveMaintenance")).hasSize(1);
    }

    @Test
    void aRoundWhereNearlyEverythingFailsIsAMonitoringGapNotDowntime() throws Exception {
        try (Targets.Tcp live = new Targets.Tcp()) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int port = i == 0 ? live.port() : Targets.closedPort();
                ids.add(create("""
                                {"client": "%s", "name": "Switch %d", "kind": "TCP", "host": "127.0.0.1", "port": %d,
                                 "interval": "PT30S", "downAfter": 1}""".formatted(catalog.slug(), i, port)).get("id").asString());
            }
            CheckScheduler.Outcome outcome = after(Duration.ofSeconds(30));
            assertThat(outcome.checks()).isEqualTo(5);
            assertThat(outcome.failures()).isEqualTo(4);
            assertThat(outcome.gap()).isTrue();
            assertThat(monitor(ids.get(0)).get("status").asString()).isEqualTo("UP");
            for (String id : ids.subList(1, 5)) {
                assertThat(monitor(id).get("status").asString()).isEqualTo("PENDING");
                assertThat(eventsOf(MonitorWentDown.class, id)).isEmpty();
            }
            JsonNode gaps = api().get("/api/v1/monitoring-gaps?from=" + t0 + "&to=" + t0.plusSeconds(120))
                    .json();
            assertThat(gaps).hasSize(1);
            assertThat(gaps.get(0).get("reason").asString()).isEqualTo("4 of the last 5 checks on this node failed");
            assertThat(Instant.parse(gaps.get(0).get("start").asString())).isEqualTo(t0.plusSeconds(30));
            assertThat(Instant.parse(gaps.get(0).get("end").asString())).isEqualTo(t0.plusSeconds(60));

            // 30 s later that round has left the node's 30-second window: one check failing alone is the
            // system's own downtime.
            jdbc.sql("update monitor set active = false where id <> :id")
                    .param("id", UUID.fromString(ids.get(1)))
                    .update();
            CheckScheduler.Outcome alone = after(Duration.ofSeconds(30));
            assertThat(alone.gap()).isFalse();
            assertThat(monitor(ids.get(1)).get("status").asString()).isEqualTo("DOWN");
            assertThat(eventsOf(MonitorWentDown.class, ids.get(1))).hasSize(1);

            // The gap is no one's downtime: excluded from the period like maintenance.
            JsonNode report = availability(ids.get(0), t0, t0.plusSeconds(60));
            assertThat(report.get("monitoringGaps")).hasSize(1);
            assertThat(report.get("coverage").get("seconds").asInt()).isEqualTo(30);
            assertThat(report.get("gaps").get("seconds").asInt()).isEqualTo(30);
            assertThat(report.get("counted").get("seconds").asInt()).isZero();
            // A failure ignored in a gap is no data: the monitor is watched from its first recorded check.
            JsonNode ignored = availability(ids.get(1), t0, t0.plusSeconds(60));
            assertThat(ignored.get("monitoringGaps")).hasSize(1);
            assertThat(ignored.get("coverage").get("seconds").asInt()).isZero();
            assertThat(ignored.get("availability").isNull()).isTrue();
        }
    }

    @Test
    void aSmallFleetsFailuresOverTheLastThirtySecondsAreAMonitoringGap() throws Exception {
        // Three monitors: no round ever holds the five checks a gap needs, but the last 30 s do.
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create("""
                            {"client": "%s", "name": "Site %d", "kind": "TCP", "host": "127.0.0.1", "port": %d,
                             "interval": "PT10S", "downAfter": 2}""".formatted(catalog.slug(), i, Targets.closedPort()))
                    .get("id")
                    .asString());
        }
        CheckScheduler.Outcome first = after(Duration.ofSeconds(10));
        assertThat(first.checks()).isEqualTo(3);
        assertThat(first.gap()).isFalse();
        CheckScheduler.Outcome second = after(Duration.ofSeconds(10));
        assertThat(second.checks()).isEqualTo(3);
        assertThat(second.gap()).as("six of the last six checks failed").isTrue();
        for (String id : ids) {
            assertThat(monitor(id).get("status").asString()).isEqualTo("PENDING");
            assertThat(eventsOf(MonitorWentDown.class, id)).isEmpty();
        }
        JsonNode gaps = api().get("/api/v1/monitoring-gaps?from=" + t0).json();
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).get("reason").asString()).isEqualTo("6 of the last 6 checks on this node failed");
        // Blind from the first failed check of the stretch, the round before the one judged.
        assertThat(Instant.parse(gaps.get(0).get("start").asString())).isEqualTo(t0.plusSeconds(10));
        assertThat(Instant.parse(gaps.get(0).get("end").asString())).isEqualTo(t0.plusSeconds(30));
        JsonNode report = availability(ids.get(0), t0, t0.plusSeconds(20));
        assertThat(report.get("gaps").get("seconds").asInt()).isEqualTo(10);
        assertThat(report.get("downtime").get("seconds").asInt()).isZero();
    }

    @Test
    void burnRateAlertsStartAndEndOnce() throws Exception {
        String id = httpMonitor(1).get("id").asString();
        after(Duration.ofSeconds(30));
        web.status.set(500);
        // Down for three minutes: 1 h burns above 14.4 after 52 s; 6 h above 6 after 130 s.
        for (int i = 0; i < 6; i++) {
            after(Duration.ofSeconds(30));
        }
        web.status.set(200);
        for (int i = 0; i < 12; i++) {
            after(Duration.ofSeconds(30));
        }
        List<ErrorBudgetBurning> burning = eventsOf(ErrorBudgetBurning.class, id);
        assertThat(burning)
                .extracting(ErrorBudgetBurning::severity)
                .containsExactly(BurnSeverity.FAST, BurnSeverity.SLOW);
        assertThat(burning.get(0).longWindowRate()).isGreaterThan(14.4);
        assertThat(burning.get(0).shortWindowRate()).isGreaterThan(14.4);
        // Six minutes after the recovery the 5-minute window is clean: the fast alert ends; the slow one holds.
        assertThat(eventsOf(ErrorBudgetBurnEnded.class, id))
                .extracting(ErrorBudgetBurnEnded::severity)
                .containsExactly(BurnSeverity.FAST);
        JsonNode report = availability(id, t0, clock.instant());
        assertThat(report.get("burnAlerts").get("fast").asBoolean()).isFalse();
        assertThat(report.get("burnAlerts").get("slow").asBoolean()).isTrue();
        assertThat(report.get("burnRates").get("5m").asDouble()).isZero();
    }

    @Test
    void aSlowTargetDelaysNoOtherCheck() throws Exception {
        try (Targets.Web slow = Targets.Web.http()) {
            slow.delayMillis.set(2500);
            String slowId = create("""
                    {"client": "%s", "name": "Slow", "kind": "HTTP", "url": "%s", "interval": "PT30S", "timeout": "PT5S"}""".formatted(catalog.slug(), slow.url("/")))
                    .get("id")
                    .asString();
            String fastId = httpMonitor(2).get("id").asString();
            clock.advance(Duration.ofSeconds(30));
            long started = System.nanoTime();
            CheckScheduler.Round round = scheduler.checkDue();
            assertThat(round.claimed()).isEqualTo(2);
            while (web.requests.get() == 0 && System.nanoTime() - started < 2_000_000_000L) {
                Thread.sleep(10);
            }
            assertThat(web.requests.get())
                    .as("the fast target was asked while the slow one answers")
                    .isEqualTo(1);
            assertThat(round.done()).isNotDone();
            round.done().get(10, TimeUnit.SECONDS);
            assertThat(monitor(fastId).get("status").asString()).isEqualTo("UP");
            assertThat(monitor(slowId).get("lastLatencyMs").asInt()).isGreaterThanOrEqualTo(2500);
        }
    }

    @Test
    void aCertificateCloseToItsExpiryTakesATlsMonitorDown() throws Exception {
        try (Targets.Tls tls = new Targets.Tls(Targets.selfSigned(3))) {
            String id =
                    create("""
                    {"client": "%s", "name": "Portal certificate", "kind": "TLS", "host": "localhost", "port": %d,
                     "verifyTls": false, "warnDays": 14, "downAfter": 1, "interval": "PT30S"}""".formatted(catalog.slug(), tls.port())).get("id").asString();
            after(Duration.ofSeconds(30));
            JsonNode down = monitor(id);
            assertThat(down.get("status").asString()).isEqualTo("DOWN");
            assertThat(down.get("lastError").asString()).contains("within 14 days");
            assertThat(eventsOf(MonitorWentDown.class, id))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("certificate expires at"));
        }
    }

    @Test
    void checkStatisticsArePurgedAfterTheirRetention() throws Exception {
        UUID id = UUID.fromString(httpMonitor(2).get("id").asString());
        after(Duration.ofSeconds(30));
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        oldStat(id, "HOUR", hour.minus(Duration.ofDays(31)));
        oldStat(id, "DAY", day.minus(Duration.ofDays(40)));
        oldStat(id, "DAY", day.minus(Duration.ofDays(401)));
        scheduler.purge(now);
        List<Instant> kept = jdbc.sql("select granularity, bucket_start from monitor_check_stat where monitor_id = :id"
                        + " order by bucket_start")
                .param("id", id)
                .query((row, n) -> io.pledge.core.jdbc.Timestamps.instant(row, "bucket_start"))
                .list();
        assertThat(kept).containsExactlyInAnyOrder(day.minus(Duration.ofDays(40)), day, hour);
    }

    private void oldStat(UUID monitor, String granularity, Instant start) {
        jdbc.sql("insert into monitor_check_stat (monitor_id, granularity, bucket_start, checks, failures,"
                        + " latency_sum_ms, latency_min_ms, latency_max_ms, le_100, le_250, le_500, le_1000, le_2500,"
                        + " le_5000, le_10000, over_10000) values (:id, :granularity, :start, 1, 0, 5, 5, 5, 1, 0, 0,"
                        + " 0, 0, 0, 0, 0)")
                .param("id", monitor)
                .param("granularity", granularity)
                .param("start", io.pledge.core.jdbc.Timestamps.utc(start))
                .update();
    }

    @Autowired
    CheckRecorder checkRecorder;

    @Test
    void aFailingCanaryMakesTheRoundAGap() throws Exception {
        String id = httpMonitor(1).get("id").asString();
        web.status.set(500);
        try (Targets.Tcp canary = new Targets.Tcp()) {
            CheckScheduler node = node("127.0.0.1:" + canary.port());
            try {
                canary.down();
                clock.advance(Duration.ofSeconds(30));
                CheckScheduler.Outcome blind = node.checkDue().done().get(30, TimeUnit.SECONDS);
                assertThat(blind.gap()).isTrue();
                assertThat(monitor(id).get("status").asString()).isEqualTo("PENDING");
                assertThat(api().get("/api/v1/monitoring-gaps?from=" + t0)
                                .json()
                                .get(0)
                                .get("reason")
                                .asString())
                        .startsWith("canary 127.0.0.1:" + canary.port() + " failed");
                // With the canary answering, the same failure is the monitor's.
                canary.up();
                clock.advance(Duration.ofSeconds(30));
                assertThat(node.checkDue().done().get(30, TimeUnit.SECONDS).gap())
                        .isFalse();
                assertThat(monitor(id).get("status").asString()).isEqualTo("DOWN");
            } finally {
                node.destroy();
            }
        }
    }

    /** Another scheduler over the same database, as a second node configured with a canary. */
    private CheckScheduler node(String canary) {
        return new CheckScheduler(
                monitors,
                gaps,
                statistics,
                checkRecorder,
                clock,
                transactions,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Duration.ZERO,
                500,
                4,
                canary,
                5,
                0.8,
                Duration.ofSeconds(30),
                Duration.ofDays(30),
                Duration.ofDays(400),
                "canary-node");
    }

    @Test
    void aMonitorTiedToAContractWatchesOneOfItsServices() {
        String contract = api().get("/api/v1/clients/" + catalog.slug() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String body = """
                {"client": "%s", "name": "ERP", "kind": "TCP", "host": "erp", "port": 443, "contractId": "%s",
                 "service": "%s"}""";
        assertThat(api().post("/api/v1/monitors", body.formatted(catalog.slug(), contract, "ERP"))
                        .status())
                .isEqualTo(201);
        Response outside = api().post("/api/v1/monitors", body.formatted(catalog.slug(), contract, "Payroll"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().findValuesAsString("field")).containsExactly("service");
        TestCatalog other = TestCatalog.create(api());
        Response elsewhere = api().post("/api/v1/monitors", body.formatted(other.slug(), contract, "ERP"));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().findValuesAsString("field")).containsExactly("contractId");
    }

    @Test
    void aMonitorTiedToAContractTakesItsTiersUptimeTargetUnlessItSetsOne() {
        TestCatalog tier995 = TestCatalog.create(api(), "\"uptimeTarget\": 99.5");
        String contract = api().get("/api/v1/clients/" + tier995.slug() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String tied = """
                {"client": "%s", "name": "ERP", "kind": "TCP", "host": "erp", "port": 443, "contractId": "%s"%s}""";

        assertThat(create(tied.formatted(tier995.slug(), contract, ""))
                        .get("target")
                        .decimalValue())
                .isEqualByComparingTo("99.5");
        assertThat(create(tied.formatted(tier995.slug(), contract, ", \"target\": 99"))
                        .get("target")
                        .decimalValue())
                .isEqualByComparingTo("99");
        assertThat(create("""
                        {"client": "%s", "name": "ERP", "kind": "TCP", "host": "erp", "port": 443}""".formatted(tier995.slug())).get("target").decimalValue())
                .isEqualByComparingTo("99.9");
    }

    @Test
    void periodsAreDaysMonthsAndQuartersInAZone() {
        String id = httpMonitor(2).get("id").asString();
        String base = "/api/v1/monitors/" + id + "/availability?zone=Europe/Paris&date=2026-05-15&period=";
        JsonNode quarter = api().get(base + "quarter").json();
        assertThat(quarter.get("from").asString()).isEqualTo("2026-03-31T22:00:00Z");
        assertThat(quarter.get("to").asString()).isEqualTo("2026-06-30T22:00:00Z");
        JsonNode month = api().get(base + "month").json();
        assertThat(month.get("from").asString()).isEqualTo("2026-04-30T22:00:00Z");
        assertThat(month.get("to").asString()).isEqualTo("2026-05-31T22:00:00Z");
        JsonNode day = api().get(base + "day").json();
        assertThat(day.get("from").asString()).isEqualTo("2026-05-14T22:00:00Z");
        assertThat(day.get("to").asString()).isEqualTo("2026-05-15T22:00:00Z");
        assertThat(month.get("zone").asString()).isEqualTo("Europe/Paris");
        // Months before the monitor existed have no coverage, so no budget; 31 days to come at 99.9 %:
        // 44 min 38.4 s of budget.
        assertThat(month.get("errorBudget").get("allowed").get("seconds").asInt())
                .isZero();
        JsonNode ahead = availability(id, t0.plus(Duration.ofDays(1)), t0.plus(Duration.ofDays(32)));
        assertThat(ahead.get("errorBudget").get("allowed").get("duration").asString())
                .isEqualTo("PT44M38.4S");
    }

    @Test
    void pausingADownMonitorEndsItsDowntime() throws Exception {
        String id = httpMonitor(1).get("id").asString();
        web.status.set(500);
        after(Duration.ofSeconds(30)); // DOWN since t0+30
        clock.advance(Duration.ofSeconds(60));
        Response paused = api().put("/api/v1/monitors/" + id, """
                {"name": "ERP portal", "kind": "HTTP", "url": "%s", "interval": "PT30S", "active": false}""".formatted(web.url("/")));
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
        JsonNode report = availability(id, t0, t0.plusSeconds(120));
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(60);
        assertThat(Instant.parse(report.get("downtimes").get(0).get("end").asString()))
                .isEqualTo(t0.plusSeconds(90));
    }

    @Test
    void availabilityIsCountedInTheMonitorsCalendar() {
        String calendar = api().post("/api/v1/calendars", """
                        {"name": "Office", "zone": "UTC", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
                         "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}""").json().get("id").asString();
        JsonNode created = create("""
                {"client": "%s", "name": "Office ERP", "kind": "EXTERNAL", "calendarId": "%s"}""".formatted(catalog.slug(), calendar));
        String id = created.get("id").asString();
        Api tool = Api.at(port).withToken(created.get("secret").asString());
        // Down from Monday 16:30 to Tuesday 10:00 (UTC): 1 h 30 min of business time. Its tool reported it
        // after the fact: the monitor is watched from the incident's start, 8 h 30 min of business time.
        tool.post("/api/v1/ingest/monitor-events", "{\"status\": \"DOWN\", \"at\": \"2026-03-02T16:30:00Z\"}");
        tool.post("/api/v1/ingest/monitor-events", "{\"status\": \"UP\", \"at\": \"2026-03-03T10:00:00Z\"}");
        JsonNode report =
                availability(id, Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(report.get("period").get("seconds").asInt()).isEqualTo(16 * 3600);
        assertThat(report.get("coverage").get("seconds").asInt()).isEqualTo(510 * 60);
        assertThat(report.get("downtime").get("seconds").asInt()).isEqualTo(90 * 60);
        assertThat(report.get("availability").decimalValue()).isEqualByComparingTo("82.352941");
        Response unknown = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "x", "kind": "EXTERNAL", "calendarId": "%s"}""".formatted(catalog.slug(), UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().findValuesAsString("field")).containsExactly("calendarId");
    }

    @Test
    void invalidMonitorsAreRefusedNamingTheirFields() {
        Response invalid = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "x", "kind": "HTTP", "interval": "PT5S", "downAfter": 0,
                 "host": "example.com"}""".formatted(catalog.slug()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().findValuesAsString("field"))
                .containsExactlyInAnyOrder("interval", "downAfter", "url", "host");
        Response kind = api().post(
                        "/api/v1/monitors",
                        "{\"client\": \"%s\", \"name\": \"x\", \"kind\": \"PING\"}".formatted(catalog.slug()));
        assertThat(kind.json().findValuesAsString("field")).containsExactly("kind");
        Response timeout = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "x", "kind": "TCP", "host": "h", "port": 22, "interval": "PT10S",
                 "timeout": "PT10S"}""".formatted(catalog.slug()));
        assertThat(timeout.json().findValuesAsString("field")).containsExactly("timeout");
        Response unknown = api().post("/api/v1/monitors", """
                {"client": "no-such-client", "name": "x", "kind": "TCP", "host": "h", "port": 22}""");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().findValuesAsString("field")).containsExactly("client");
        Response period =
                api().get("/api/v1/monitors/" + httpMonitor(2).get("id").asString() + "/availability?period=fortnight");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().findValuesAsString("field")).containsExactly("period");
    }

    @Test
    void monitorsAreChangedRetiredAndAudited() {
        String id = httpMonitor(2).get("id").asString();
        Response changed = api().put("/api/v1/monitors/" + id, """
                {"name": "ERP portal (login)", "kind": "HTTP", "url": "%s", "keyword": "Sign in",
                 "expectedStatus": "2xx", "interval": "PT60S", "target": 99.95}""".formatted(web.url("/login")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("keyword").asString()).isEqualTo("Sign in");
        assertThat(changed.json().get("interval").asString()).isEqualTo("PT1M");
        assertThat(changed.json().get("target").decimalValue()).isEqualByComparingTo("99.95");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject like :subject")
                        .param("subject", "%/api/v1/monitors/" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(api().delete("/api/v1/monitors/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/monitors/" + id).status()).isEqualTo(404);
        assertThat(api().put("/api/v1/monitors/" + id, "{\"name\": \"x\", \"kind\": \"TCP\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().delete("/api/v1/monitors/" + id).status()).isEqualTo(404);
    }

    @Test
    void aClientSeesItsOwnMonitorsAndNoOneElses() {
        String own = httpMonitor(2).get("id").asString();
        TestCatalog other = TestCatalog.create(api());
        String theirs = create("""
                {"client": "%s", "name": "Their ERP", "kind": "TCP", "host": "127.0.0.1", "port": 5432}""".formatted(other.slug())).get("id").asString();
        String token = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"c\", \"role\": \"CLIENT\", \"client\": \"%s\"}".formatted(catalog.slug()))
                .json()
                .get("secret")
                .asString();
        Api client = Api.at(port).withToken(token);
        assertThat(client.get("/api/v1/monitors/" + own).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/monitors/" + own + "/availability?period=day")
                        .status())
                .isEqualTo(200);
        for (String path : List.of(
                "/api/v1/monitors/" + theirs,
                "/api/v1/monitors/" + theirs + "/availability",
                "/api/v1/monitors/" + theirs + "/checks",
                "/api/v1/maintenance-windows?client=" + other.slug())) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
        }
        // Naming another client in the filter is naming a client that does not exist.
        Response named = client.get("/api/v1/monitors?client=" + other.slug());
        Response unknown = client.get("/api/v1/monitors?client=no-such-client");
        assertThat(named.status()).isEqualTo(unknown.status()).isEqualTo(422);
        assertThat(client.get("/api/v1/monitors").json().findValuesAsString("clientId"))
                .isNotEmpty()
                .containsOnly(catalog.clientId());
        assertThat(client.post("/api/v1/monitors", "{}").status()).isEqualTo(403);
    }
}
