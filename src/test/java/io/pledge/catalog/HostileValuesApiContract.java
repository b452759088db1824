package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Values far outside any real use (README, "Limits"): each is refused with a problem naming the field,
 * and nothing is stored. Run on H2 and on PostgreSQL.
 */
public abstract class HostileValuesApiContract extends DatabaseIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    TestCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = TestCatalog.create(api());
    }

    @Test
    void aRatioWithABillionDecimalPlacesIsRefusedAtOnceNamingTheField() {
        long rules = count("escalation_rule");
        long started = System.nanoTime();
        Response response = api().post("/api/v1/escalations", """
                {"name": "tiny", "firesOn": "THRESHOLD", "ratio": 1e-999999999, "action": "WEBHOOK",
                 "target": "http://127.0.0.1:9/hook"}""");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertInvalid(response, "ratio");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(count("escalation_rule")).isEqualTo(rules);
    }

    @Test
    void policyThresholdsOutOfRangeOrNullAreRefused() {
        assertInvalid(tier("\"thresholds\": [1e-999999999]"), "policy.thresholds[0]");
        assertInvalid(tier("\"thresholds\": [0.5, 1E+999999999]"), "policy.thresholds[1]");
        assertInvalid(tier("\"thresholds\": [null]"), "policy.thresholds[0]");
        assertInvalid(tier("\"warnBefore\": [\"PT2562047788015215H\"]"), "policy.warnBefore[0]");
    }

    @Test
    void businessTimeOutsideTheRangeIsRefusedNotOverflowed() {
        String always = "{\"zone\": \"UTC\", \"hours\": \"24x7\"}";
        assertInvalid(api().post("/api/v1/business-time/add", """
                        {"calendar": %s, "start": "0000-01-01T00:00:00Z", "duration": "PT4H"}""".formatted(always)), "start");
        assertInvalid(api().post("/api/v1/business-time/add", """
                        {"calendar": %s, "start": "2026-03-27T16:00:00Z", "duration": "PT2562047788015215H"}""".formatted(always)), "duration");
        assertInvalid(api().post("/api/v1/business-time/between", """
                        {"calendar": %s, "start": "-999999999-01-01T00:00:00Z", "end": "+999999999-12-31T23:59:59Z"}""".formatted(always)), "start", "end");
    }

    @Test
    void extremeDatesInQueriesAreRefusedNamingTheParameter() {
        assertInvalid(
                api().get("/api/v1/clients/" + catalog.slug() + "/contract?at=%2B999999999-12-31T23:59:59Z"), "at");
        String monitor = api().post("/api/v1/monitors", """
                        {"client": "%s", "name": "Edge", "kind": "HEARTBEAT"}""".formatted(catalog.slug()))
                .json()
                .get("id")
                .asString();
        assertInvalid(
                api().get("/api/v1/monitors/" + monitor + "/availability?period=day&date=%2B999999999-12-31"), "date");
        assertInvalid(
                api().get("/api/v1/monitors/" + monitor
                        + "/availability?from=0000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
                "from");
        assertInvalid(api().get("/api/v1/monitors/" + monitor + "/checks?from=-999999999-01-01T00:00:00Z"), "from");
        assertInvalid(api().get("/api/v1/tickets?dueBefore=%2B999999999-12-31T23:59:59Z"), "dueBefore");
    }

    @Test
    void valuesFarOutsideAnyRealUseAreNotStored() {
        long tickets = count("ticket");
        assertInvalid(api().post("/api/v1/tickets", """
                        {"client": "%s", "priority": "P1", "service": "ERP", "subject": "Old",
                         "createdAt": "0000-01-01T00:00:00Z"}""".formatted(catalog.slug())), "createdAt");
        assertThat(count("ticket")).isEqualTo(tickets);
        assertInvalid(api().post("/api/v1/maintenance-windows", """
                        {"client": "%s", "name": "Forever", "startsAt": "2030-01-01T00:00:00Z",
                         "endsAt": "+999999999-12-31T23:59:59Z"}""".formatted(catalog.slug())), "endsAt");
        assertInvalid(
                api().post("/api/v1/clients/" + catalog.clientId() + "/contracts", """
                        {"tierId": "%s", "startDate": "-999999999-01-01"}""".formatted(
                                java.util.UUID.randomUUID())),
                "startDate");
        assertInvalid(api().post("/api/v1/monitors", """
                        {"client": "%s", "name": "Huge", "kind": "HTTP", "url": "http://127.0.0.1:9/",
                         "interval": "PT60S", "timeout": "PT2562047788015215H"}""".formatted(catalog.slug())), "timeout");
    }

    @Test
    void anAlertStartingBeforeTheRangeIsRefused() {
        String secret = api().post("/api/v1/monitors", """
                        {"client": "%s", "name": "Prom", "kind": "EXTERNAL", "labels": {"service": "erp"}}""".formatted(catalog.slug()))
                .json()
                .get("secret")
                .asString();
        Response response = Api.at(port).withToken(secret).post("/api/v1/ingest/alertmanager", """
                {"version": "4", "status": "firing", "alerts": [
                  {"status": "firing", "labels": {"service": "erp"}, "startsAt": "-999999999-01-01T00:00:00Z",
                   "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "f1"}]}""");

        assertInvalid(response, "alerts[0].startsAt");
    }

    @Test
    void nullsWhereAValueIsExpectedAreRefusedNotCrashed() {
        assertInvalid(api().post("/api/v1/monitors", """
                        {"client": "%s", "name": "Labels", "kind": "EXTERNAL", "labels": {"service": null}}""".formatted(catalog.slug())), "labels.service");
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        assertInvalid(signed(source, secret, "null"), "events");
        assertInvalid(signed(source, secret, "{}"), "events");
    }

    @Test
    void aNumberIsNotTakenForAName() {
        long clients = count("client");
        assertInvalid(
                api().post(
                                "/api/v1/clients",
                                "{\"name\": 12345, \"slug\": \"%s\", \"zone\": \"UTC\"}".formatted(unique("n"))),
                "name");
        assertInvalid(api().post("/api/v1/sources", "{\"name\": true}"), "name");
        assertThat(count("client")).isEqualTo(clients);
    }

    @Test
    void aPasswordWithALoneSurrogateIsRefused() {
        long users = count("app_user");
        assertInvalid(api().post("/api/v1/users", """
                        {"email": "%s@msp.example", "password": "long-enough-password\\ud800", "role": "TECHNICIAN"}""".formatted(unique("tech"))), "password");
        assertThat(count("app_user")).isEqualTo(users);
    }

    @Test
    void aWebhookTargetMustBeAValidUrl() {
        assertInvalid(api().post("/api/v1/escalations", """
                        {"name": "hook", "firesOn": "THRESHOLD", "ratio": 0.75, "action": "WEBHOOK",
                         "target": "http://[::1"}"""), "target");
    }

    private Response tier(String policyFields) {
        return api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"}], %s}}""".formatted(unique("Edge"), policyFields));
    }

    private static void assertInvalid(Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:pledge:problem:invalid-request");
        assertThat(response.json().findValuesAsString("field"))
                .as(response.toString())
                .contains(fields);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Response signed(String source, String secret, String body) {
        return Api.at(port).ingest(source, secret, body, clock.instant(), "");
    }
}
