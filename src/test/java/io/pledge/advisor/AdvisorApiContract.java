package io.pledge.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The target advisor over HTTP against figures computed by hand. A tier on a 24x7 calendar in UTC (so business
 * time is elapsed time) promised P1 first response 1 h and resolution 4 h when the tickets ran; its policy then
 * tightened P1 resolution to 3 h. Client A's P1 tickets over the third quarter of 2026:
 *
 * <ul>
 *   <li>August: reply after 20 min, resolved after 1 h; 40 min, 3 h; 1 h 30 and 5 h (both breached); 10 min, 2 h;
 *   <li>September: reply after exactly 1 h, resolved after exactly 4 h (met: a clock that takes its target
 *       meets it); reply after 30 min, waiting on the customer from 1 h to 3 h, resolved after 5 h: 3 h counted.
 * </ul>
 *
 * <p>P1 resolution, sorted: 1, 2, 3, 3, 4, 5 h. Nearest rank: p50 = 3rd = 3 h, p80 = 5th = 4 h, p90 = p95 = 6th =
 * 5 h. Within the 3 h promised now: 4 of 6 = 66.67 %; recorded met against the 4 h they ran under: 5 of 6 =
 * 83.33 %. At 95 % compliance the target needed is 5 h; at 50 %, 3 h. August alone: 1, 2, 3, 5 h (p50 2 h, p90
 * 5 h, 75 % within 3 h); September: 3, 4 h (p50 3 h, p90 4 h, 50 %). Client B, on the same tier, took 10 h once
 * in August. Run on H2 and PostgreSQL.
 */
public abstract class AdvisorApiContract extends DatabaseIntegrationTest {

    @Autowired
    MutableClock clock;

    String tier;
    String clientA;
    String clientB;

    @BeforeEach
    void aTierWithAQuarterOfTickets() {
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        String calendar = created(api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "UTC", "hours": "24x7"}""".formatted(unique("Always"))));
        tier = created(api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT4H"},
                  {"priority": "P2", "metric": "RESOLUTION", "target": "PT16H"}]}}""".formatted(unique("Gold"))));
        clientA = client(calendar);
        clientB = client(calendar);
        ticket(clientA, "2026-08-03T10:00:00Z", reply("2026-08-03T10:20:00Z"), resolved("2026-08-03T11:00:00Z"));
        ticket(clientA, "2026-08-04T10:00:00Z", reply("2026-08-04T10:40:00Z"), resolved("2026-08-04T13:00:00Z"));
        ticket(clientA, "2026-08-05T10:00:00Z", reply("2026-08-05T11:30:00Z"), resolved("2026-08-05T15:00:00Z"));
        ticket(clientA, "2026-08-06T10:00:00Z", reply("2026-08-06T10:10:00Z"), resolved("2026-08-06T12:00:00Z"));
        ticket(clientA, "2026-09-07T10:00:00Z", reply("2026-09-07T11:00:00Z"), resolved("2026-09-07T14:00:00Z"));
        ticket(
                clientA,
                "2026-09-08T10:00:00Z",
                reply("2026-09-08T10:30:00Z"),
                status("WAITING_ON_CUSTOMER", "2026-09-08T11:00:00Z"),
                status("IN_PROGRESS", "2026-09-08T13:00:00Z"),
                resolved("2026-09-08T15:00:00Z"));
        ticket(clientB, "2026-08-10T00:00:00Z", reply("2026-08-10T00:05:00Z"), resolved("2026-08-10T10:00:00Z"));
        // A ticket resolved in October is outside the quarter.
        ticket(clientA, "2026-09-30T20:00:00Z", reply("2026-10-01T00:30:00Z"), resolved("2026-10-01T02:00:00Z"));
        Response revised = api().post("/api/v1/tiers/" + tier + "/policies", """
                {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT3H"},
                  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT4H"},
                  {"priority": "P2", "metric": "RESOLUTION", "target": "PT16H"}]}""");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
    }

    @Test
    void aClientsQuarterIsCountedByHand() {
        JsonNode report = advise("?period=2026-Q3&tier=" + tier + "&client=" + clientA);
        assertThat(report.get("compliance").decimalValue()).isEqualByComparingTo("95");
        assertThat(report.get("minimumSample").asInt()).isEqualTo(30);
        assertThat(report.get("client").get("slug").asString()).isEqualTo(clientA);
        assertThat(report.get("lines")).hasSize(4);

        JsonNode resolution = line(report, "P1", "RESOLUTION");
        assertThat(resolution.get("clocks").asInt()).isEqualTo(6);
        assertThat(resolution.get("p50").asString()).isEqualTo("PT3H");
        assertThat(resolution.get("p80").asString()).isEqualTo("PT4H");
        assertThat(resolution.get("p90").asString()).isEqualTo("PT5H");
        assertThat(resolution.get("p95").asString()).isEqualTo("PT5H");
        assertThat(resolution.get("max").asString()).isEqualTo("PT5H");
        assertThat(resolution.get("target").asString()).isEqualTo("PT3H");
        assertThat(resolution.get("metPercent").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(resolution.get("recordedMetPercent").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(resolution.get("suggestedTarget").asString()).isEqualTo("PT5H");
        assertAbsent(resolution, "goal");
        assertThat(resolution.get("warning").asString()).isEqualTo("only 6 clocks, under 30: too few to trust");

        JsonNode months = resolution.get("months");
        assertThat(months).hasSize(3);
        assertThat(months.get(0).get("month").asString()).isEqualTo("2026-07");
        assertThat(months.get(0).get("clocks").asInt()).isZero();
        assertAbsent(months.get(0), "p50");
        assertAbsent(months.get(0), "metPercent");
        assertThat(months.get(1).get("month").asString()).isEqualTo("2026-08");
        assertThat(months.get(1).get("clocks").asInt()).isEqualTo(4);
        assertThat(months.get(1).get("p50").asString()).isEqualTo("PT2H");
        assertThat(months.get(1).get("p90").asString()).isEqualTo("PT5H");
        assertThat(months.get(1).get("metPercent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(months.get(2).get("clocks").asInt()).isEqualTo(2);
        assertThat(months.get(2).get("p50").asString()).isEqualTo("PT3H");
        assertThat(months.get(2).get("p90").asString()).isEqualTo("PT4H");
        assertThat(months.get(2).get("metPercent").decimalValue()).isEqualByComparingTo("50.00");

        // First response: 10, 20, 30, 40, 60, 90 min.
        JsonNode response = line(report, "P1", "FIRST_RESPONSE");
        assertThat(response.get("clocks").asInt()).isEqualTo(6);
        assertThat(response.get("p50").asString()).isEqualTo("PT30M");
        assertThat(response.get("p80").asString()).isEqualTo("PT1H");
        assertThat(response.get("p90").asString()).isEqualTo("PT1H30M");
        assertThat(response.get("metPercent").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(response.get("recordedMetPercent").decimalValue()).isEqualByComparingTo("83.33");

        // No P2 ticket: the promise has no history behind it.
        JsonNode p2 = line(report, "P2", "RESOLUTION");
        assertThat(p2.get("clocks").asInt()).isZero();
        assertThat(p2.get("target").asString()).isEqualTo("PT16H");
        assertAbsent(p2, "p50");
        assertAbsent(p2, "suggestedTarget");
        assertThat(p2.get("warning").asString()).isEqualTo("only 0 clocks, under 30: too few to trust");
    }

    @Test
    void aLowerComplianceLevelNeedsAShorterTarget() {
        JsonNode report = advise("?period=2026-Q3&tier=" + tier + "&client=" + clientA + "&compliance=50");
        assertThat(line(report, "P1", "RESOLUTION").get("suggestedTarget").asString())
                .isEqualTo("PT3H");
        JsonNode strict =
                advise("?from=2026-07-01&to=2026-09-30&tier=" + tier + "&client=" + clientA + "&compliance=99.5");
        assertThat(line(strict, "P1", "RESOLUTION").get("suggestedTarget").asString())
                .isEqualTo("PT5H");
    }

    @Test
    void everyClientOfTheTierCountsWithoutAClient() {
        JsonNode report = advise("?period=2026-Q3&tier=" + tier);
        assertAbsent(report, "client");
        JsonNode resolution = line(report, "P1", "RESOLUTION");
        // 1, 2, 3, 3, 4, 5, 10 h: the 4th of 7 is the median.
        assertThat(resolution.get("clocks").asInt()).isEqualTo(7);
        assertThat(resolution.get("p50").asString()).isEqualTo("PT3H");
        assertThat(resolution.get("max").asString()).isEqualTo("PT10H");
        assertThat(resolution.get("metPercent").decimalValue()).isEqualByComparingTo("57.14");
    }

    @Test
    void anInternalGoalIsKeptApartFromThePromisedTarget() {
        Response set = api().put("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION", "{\"goal\": \"PT2H\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("goal").asString()).isEqualTo("PT2H");
        Response again = api().put("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION", "{\"goal\": \"PT2H30M\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);

        JsonNode resolution = line(advise("?period=2026-Q3&tier=" + tier + "&client=" + clientA), "P1", "RESOLUTION");
        assertThat(resolution.get("target").asString()).isEqualTo("PT3H");
        assertThat(resolution.get("metPercent").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(resolution.get("goal").asString()).isEqualTo("PT2H30M");
        assertThat(resolution.get("goalMetPercent").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(resolution.get("months").get(1).get("goalMetPercent").decimalValue())
                .isEqualByComparingTo("50.00");
        // The promise is untouched: the tier still promises 3 h.
        assertThat(api().get("/api/v1/tiers/" + tier).body())
                .contains("\"PT3H\"")
                .doesNotContain("PT2H30M");

        JsonNode goals = api().get("/api/v1/advisor/goals").json();
        JsonNode mine = null;
        for (JsonNode goal : goals) {
            if (goal.get("tierId").asString().equals(tier)) {
                mine = goal;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("priority").asString()).isEqualTo("P1");
        assertThat(mine.get("metric").asString()).isEqualTo("RESOLUTION");
        assertThat(mine.get("goal").asString()).isEqualTo("PT2H30M");
        assertThat(mine.get("updatedBy").asString()).isNotBlank();

        assertThat(api().delete("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION")
                        .status())
                .isEqualTo(204);
        assertThat(api().delete("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION")
                        .status())
                .isEqualTo(404);
        JsonNode after = line(advise("?period=2026-Q3&tier=" + tier + "&client=" + clientA), "P1", "RESOLUTION");
        assertAbsent(after, "goal");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertRefused("/api/v1/advisor", 400, "period");
        assertRefused("/api/v1/advisor?period=2026-Q5", 400, "period");
        assertRefused("/api/v1/advisor?period=2026-Q3&compliance=0", 400, "compliance");
        assertRefused("/api/v1/advisor?period=2026-Q3&compliance=100.5", 400, "compliance");
        assertRefused("/api/v1/advisor?period=2026-Q3&compliance=most", 400, "compliance");
        assertRefused("/api/v1/advisor?period=2026-Q3&tier=gold", 400, "tier");
        assertRefused("/api/v1/advisor?period=2026-Q3&tier=" + java.util.UUID.randomUUID(), 422, "tier");
        assertRefused("/api/v1/advisor?period=2026-Q3&client=no-such-client", 422, "client");

        String goals = "/api/v1/advisor/goals/" + tier;
        assertGoalRefused(goals + "/P1/RESOLUTION", "{\"goal\": \"PT3H\"}", 400, "goal");
        assertGoalRefused(goals + "/P1/RESOLUTION", "{\"goal\": \"two hours\"}", 400, "goal");
        assertGoalRefused(goals + "/P1/RESOLUTION", "{\"goal\": \"-PT1H\"}", 400, "goal");
        assertGoalRefused(goals + "/P1/RESOLUTION", "{}", 400, "goal");
        assertGoalRefused(goals + "/P7/RESOLUTION", "{\"goal\": \"PT1H\"}", 400, "priority");
        assertGoalRefused(goals + "/P1/SPEED", "{\"goal\": \"PT1H\"}", 400, "metric");
        assertGoalRefused(goals + "/P3/RESOLUTION", "{\"goal\": \"PT1H\"}", 422, "priority");
        assertGoalRefused("/api/v1/advisor/goals/gold/P1/RESOLUTION", "{\"goal\": \"PT1H\"}", 400, "tier");
        Response unknown = api().put(
                        "/api/v1/advisor/goals/" + java.util.UUID.randomUUID() + "/P1/RESOLUTION",
                        "{\"goal\": \"PT1H\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertAbsent(line(advise("?period=2026-Q3&tier=" + tier), "P1", "RESOLUTION"), "goal");
    }

    @Test
    void onlyManagersAndAdminsReadTheAdvisor() {
        String query = "/api/v1/advisor?period=2026-Q3&tier=" + tier;
        Api manager = Api.at(port).withToken(token("{\"name\": \"m\", \"role\": \"MANAGER\"}"));
        Api technician = Api.at(port).withToken(token("{\"name\": \"t\", \"role\": \"TECHNICIAN\"}"));
        Api client = Api.at(port)
                .withToken(token("{\"name\": \"c\", \"role\": \"CLIENT\", \"client\": \"%s\"}".formatted(clientA)));
        assertThat(api().get(query).status()).isEqualTo(200);
        assertThat(manager.get(query).status()).isEqualTo(200);
        assertThat(technician.get(query).status()).isEqualTo(403);
        assertThat(client.get(query).status()).isEqualTo(403);
        assertThat(client.get(query + "&client=" + clientA).status()).isEqualTo(403);
        assertThat(technician.get("/api/v1/advisor/goals").status()).isEqualTo(403);
        assertThat(client.put("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION", "{\"goal\": \"PT1H\"}")
                        .status())
                .isEqualTo(403);
        assertThat(manager.put("/api/v1/advisor/goals/" + tier + "/P1/RESOLUTION", "{\"goal\": \"PT1H\"}")
                        .status())
                .isEqualTo(200);
    }

    // --- helpers ---

    /** Absent figures are left out of the JSON. */
    private static void assertAbsent(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value == null || value.isNull()).as(field + " in " + node).isTrue();
    }

    private JsonNode advise(String query) {
        Response response = api().get("/api/v1/advisor" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode line(JsonNode report, String priority, String metric) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("tierId").asString().equals(tier)
                    && line.get("priority").asString().equals(priority)
                    && line.get("metric").asString().equals(metric)) {
                return line;
            }
        }
        throw new AssertionError("no line " + priority + " " + metric + " in " + report);
    }

    private String client(String calendar) {
        String slug = unique("client");
        String id = created(api().post("/api/v1/clients", """
                {"name": "%s", "slug": "%s", "zone": "UTC"}""".formatted(slug, slug)));
        created(api().post("/api/v1/clients/" + id + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": [],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));
        return slug;
    }

    private void ticket(String client, String createdAt, String... events) {
        Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P1", "subject": "Down", "createdAt": "%s"}""".formatted(client, createdAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        for (String event : events) {
            Response recorded = api().post("/api/v1/tickets/" + id + "/events", event);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }
    }

    private static String reply(String at) {
        return "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"%s\"}".formatted(at);
    }

    private static String resolved(String at) {
        return "{\"type\": \"RESOLVED\", \"at\": \"%s\"}".formatted(at);
    }

    private static String status(String status, String at) {
        return "{\"type\": \"STATUS_CHANGED\", \"status\": \"%s\", \"at\": \"%s\"}".formatted(status, at);
    }

    private void assertRefused(String path, int status, String field) {
        Response response = api().get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(status);
        assertThat(response.json().findValuesAsString("field")).as(path).containsExactly(field);
    }

    private void assertGoalRefused(String path, String body, int status, String field) {
        Response response = api().put(path, body);
        assertThat(response.status()).as(path + " " + body + " " + response).isEqualTo(status);
        assertThat(response.json().findValuesAsString("field"))
                .as(path + " " + body)
                .containsExactly(field);
    }

    private String token(String request) {
        Response created = api().post("/api/v1/tokens", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
