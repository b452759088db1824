package io.pledge.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The what-if replay over HTTP, against figures computed by hand and against {@code /api/v1/sla/evaluate} called
 * one ticket at a time. A tier on a 24x7 calendar in UTC promises P1 first response 1 h and resolution 4 h, P2 4 h
 * and 16 h, and credits 5 % of the fee when P1 resolution is met below 95 %. The proposal: P1 30 min and 2 h 30,
 * P2 4 h and 8 h, and 10 % below 60 %. August 2026, minutes after creation:
 *
 * <ul>
 *   <li>A1 P1: reply 20, resolved 60 — met both ways;
 *   <li>A2 P1: reply 40, resolved 180 — met now, both breached under the proposal;
 *   <li>A3 P1: reply 90, resolved 300 — breached both ways;
 *   <li>A4 P1: reply 10, waiting on a vendor 60–180, resolved 240: 2 h counted, 2 h paused — met both ways;
 *   <li>A5 P2: reply 30, resolved 600 — resolution met now, breached under the proposal;
 *   <li>B1 P1 (another client): reply 5, resolved 150: exactly the proposed 2 h 30 — met both ways.
 * </ul>
 *
 * <p>Client A's P1 resolution: 3 of 4 met now (75 %: 5 % of 1,000 EUR owed), 2 of 4 under the proposal (50 %:
 * 10 %). Every client's resolution: 5 of 6 now, 3 of 6 proposed. Run on H2 and PostgreSQL.
 */
public abstract class WhatIfApiContract extends DatabaseIntegrationTest {

    private static final String NOW = "2026-12-01T00:00:00Z";

    private static final String PROPOSED = """
            {"targets": [
               {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT30M"},
               {"priority": "P1", "metric": "RESOLUTION", "target": "PT2H30M"},
               {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT4H"},
               {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"}],
             "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                               {"metric": "RESOLUTION", "priority": "P1", "metBelow": 60, "creditPercent": 10}]}""";

    @Autowired
    MutableClock clock;

    String tier;
    String clientA;
    String clientB;
    /** Per ticket id: its client, its CREATED event and the events recorded, as /sla/evaluate takes them. */
    final Map<String, String[]> tickets = new LinkedHashMap<>();

    final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void aTierWithAMonthOfTickets() {
        clock.set(Instant.parse(NOW));
        String calendar = created(api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "UTC", "hours": "24x7"}""".formatted(unique("Always"))));
        tier = created(api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT4H"},
                  {"priority": "P2", "metric": "RESOLUTION", "target": "PT16H"}],
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5}]}}""".formatted(unique("Gold"))));
        clientA = client(calendar);
        clientB = client(calendar);
        ticket(
                "A1",
                clientA,
                "P1",
                "2026-08-03T10:00:00Z",
                reply("2026-08-03T10:20:00Z"),
                resolved("2026-08-03T11:00:00Z"));
        ticket(
                "A2",
                clientA,
                "P1",
                "2026-08-04T10:00:00Z",
                reply("2026-08-04T10:40:00Z"),
                resolved("2026-08-04T13:00:00Z"));
        ticket(
                "A3",
                clientA,
                "P1",
                "2026-08-05T10:00:00Z",
                reply("2026-08-05T11:30:00Z"),
                resolved("2026-08-05T15:00:00Z"));
        ticket(
                "A4",
                clientA,
                "P1",
                "2026-08-06T10:00:00Z",
                reply("2026-08-06T10:10:00Z"),
                status("WAITING_ON_VENDOR", "2026-08-06T11:00:00Z"),
                status("IN_PROGRESS", "2026-08-06T13:00:00Z"),
                resolved("2026-08-06T14:00:00Z"));
        ticket(
                "A5",
                clientA,
                "P2",
                "2026-08-07T10:00:00Z",
                reply("2026-08-07T10:30:00Z"),
                resolved("2026-08-07T20:00:00Z"));
        ticket(
                "B1",
                clientB,
                "P1",
                "2026-08-10T00:00:00Z",
                reply("2026-08-10T00:05:00Z"),
                resolved("2026-08-10T02:30:00Z"));
        // Raised in September: outside the period.
        ticket("A6", clientA, "P1", "2026-09-01T00:00:00Z", reply("2026-09-01T03:00:00Z"));
    }

    @Test
    void aProposalIsReplayedOverAMonthAsCountedByHand() {
        JsonNode replay = replay(null);
        assertThat(replay.get("tickets").asInt()).isEqualTo(6);
        assertThat(replay.get("currentVersion").asInt()).isEqualTo(1);

        JsonNode resolution = line(replay.get("metrics"), null, "RESOLUTION");
        assertFigures(resolution.get("current"), 6, 5, 1, "83.33");
        assertFigures(resolution.get("proposed"), 6, 3, 3, "50.00");
        assertThat(resolution
                        .get("current")
                        .get("paused")
                        .get("WAITING_ON_VENDOR")
                        .asString())
                .isEqualTo("PT2H");
        assertThat(resolution.get("proposed").get("pausedTotal").asString()).isEqualTo("PT2H");
        JsonNode response = line(replay.get("metrics"), null, "FIRST_RESPONSE");
        assertFigures(response.get("current"), 6, 5, 1, "83.33");
        assertFigures(response.get("proposed"), 6, 4, 2, "66.67");

        JsonNode p2 = line(replay.get("priorities"), "P2", "RESOLUTION");
        assertFigures(p2.get("current"), 1, 1, 0, "100.00");
        assertFigures(p2.get("proposed"), 1, 0, 1, "0.00");

        JsonNode a = client(replay, clientA);
        assertThat(a.get("tickets").asInt()).isEqualTo(5);
        JsonNode aP1 = line(a.get("lines"), "P1", "RESOLUTION");
        assertFigures(aP1.get("current"), 4, 3, 1, "75.00");
        assertFigures(aP1.get("proposed"), 4, 2, 2, "50.00");
        assertThat(a.get("credits").get("currency").asString()).isEqualTo("EUR");
        assertThat(a.get("credits").get("current").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(a.get("credits").get("proposed").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode b = client(replay, clientB);
        assertFigures(line(b.get("lines"), "P1", "RESOLUTION").get("proposed"), 1, 1, 0, "100.00");
        assertThat(b.get("credits").get("proposed").decimalValue()).isEqualByComparingTo("0");

        // A2 (both clocks) and A5 (resolution) change; A3 was breached either way.
        assertThat(replay.get("changedTickets").asInt()).isEqualTo(2);
        List<String> changes = new ArrayList<>();
        for (JsonNode change : replay.get("changes")) {
            changes.add(name(change.get("ticket").asString()) + " "
                    + change.get("metric").asString() + " "
                    + change.get("current").get("state").asString() + "→"
                    + change.get("proposed").get("state").asString());
        }
        assertThat(changes)
                .containsExactly(
                        "A2 FIRST_RESPONSE MET→BREACHED", "A2 RESOLUTION MET→BREACHED", "A5 RESOLUTION MET→BREACHED");
        JsonNode a5 = replay.get("changes").get(2);
        assertThat(a5.get("proposed").get("target").asString()).isEqualTo("PT8H");
        assertThat(a5.get("proposed").get("elapsed").asString()).isEqualTo("PT10H");
        assertThat(a5.get("proposed").get("breachedAt").asString()).isEqualTo("2026-08-07T18:00:00Z");
    }

    @Test
    void theReplayGivesTheFiguresOfSlaEvaluateCalledOneTicketAtATime() {
        JsonNode replay = replay(null);
        // Per client, priority and metric: clocks, stopped, met, breached, open breached, paused, on each side.
        Map<String, String> expected = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, java.time.Duration>> paused = new TreeMap<>();
        for (Map.Entry<String, String[]> ticket : tickets.entrySet()) {
            String[] parts = ticket.getValue();
            if (parts[2].startsWith("2026-09")) {
                continue;
            }
            for (String side : new String[] {"current", "proposed"}) {
                String policy = side.equals("current") ? "{\"tierId\": \"" + tier + "\"}" : PROPOSED;
                Response evaluated =
                        api().post("/api/v1/sla/evaluate", """
                        {"policy": %s, "calendar": {"zone": "UTC", "hours": "24x7"}, "at": "%s",
                         "ticket": {"events": [{"type": "CREATED", "at": "%s", "priority": "%s"}%s]}}""".formatted(policy, NOW, parts[2], parts[1], parts[3]));
                assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
                for (JsonNode clock : evaluated.json().get("clocks")) {
                    String key = parts[0] + " " + clock.get("priority").asString() + " "
                            + clock.get("metric").asString() + " " + side;
                    int[] c = counts.computeIfAbsent(key, k -> new int[5]);
                    String state = clock.get("state").asString();
                    boolean stopped = clock.get("stoppedAt") != null
                            && !clock.get("stoppedAt").isNull();
                    c[0]++;
                    if (stopped && state.equals("MET")) {
                        c[1]++;
                        c[2]++;
                    } else if (stopped && state.equals("BREACHED")) {
                        c[1]++;
                        c[3]++;
                    } else if (state.equals("BREACHED")) {
                        c[4]++;
                    }
                    Map<String, java.time.Duration> byStatus = paused.computeIfAbsent(key, k -> new TreeMap<>());
                    clock.get("paused")
                            .properties()
                            .forEach(p -> byStatus.merge(
                                    p.getKey(),
                                    java.time.Duration.parse(p.getValue().asString()),
                                    java.time.Duration::plus));
                }
            }
        }
        counts.forEach((key, c) -> expected.put(
                key,
                c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4] + " "
                        + paused.get(key).entrySet().stream()
                                .filter(e -> !e.getValue().isZero())
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList()));

        Map<String, String> replayed = new TreeMap<>();
        for (JsonNode client : replay.get("clients")) {
            for (JsonNode line : client.get("lines")) {
                for (String side : new String[] {"current", "proposed"}) {
                    JsonNode f = line.get(side);
                    if (f.get("clocks").asInt() == 0) {
                        continue;
                    }
                    List<String> pauses = new ArrayList<>();
                    f.get("paused").properties().forEach(p -> {
                        if (!java.time.Duration.parse(p.getValue().asString()).isZero()) {
                            pauses.add(p.getKey() + "="
                                    + java.time.Duration.parse(p.getValue().asString()));
                        }
                    });
                    replayed.put(
                            client.get("slug").asString() + " "
                                    + line.get("priority").asString() + " "
                                    + line.get("metric").asString() + " " + side,
                            f.get("clocks").asInt() + "/" + f.get("stopped").asInt() + "/"
                                    + f.get("met").asInt() + "/"
                                    + f.get("breached").asInt() + "/"
                                    + f.get("openBreached").asInt() + " " + pauses);
                }
            }
        }
        assertThat(replayed).isEqualTo(expected);
        assertThat(expected).hasSize(12);
    }

    @Test
    void aReplayChangesNothingStored() {
        String a2 = ids.get("A2");
        String before = api().get("/api/v1/tickets/" + a2).json().get("clocks").toString();
        int versions = api().get("/api/v1/tiers/" + tier + "/policies").json().size();
        replay(null);
        assertThat(api().get("/api/v1/tickets/" + a2).json().get("clocks").toString())
                .isEqualTo(before);
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies").json().size())
                .isEqualTo(versions);
    }

    @Test
    void someClientsOnly() {
        JsonNode replay = replay(List.of(clientB));
        assertThat(replay.get("tickets").asInt()).isEqualTo(1);
        assertThat(replay.get("clients")).hasSize(1);
        assertFigures(line(replay.get("metrics"), null, "RESOLUTION").get("current"), 1, 1, 0, "100.00");
    }

    @Test
    void aProposalIsSavedComparedAndAdoptedAsTheNextVersionOnce() {
        Response saved = api().post("/api/v1/what-if/proposals", """
                {"tierId": "%s", "name": "Tighter P1", "policy": %s}""".formatted(tier, PROPOSED));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        String tight = saved.json().get("id").asString();
        assertThat(saved.json().get("policy").get("targets")).hasSize(4);
        String loose = created(api().post("/api/v1/what-if/proposals", """
                {"tierId": "%s", "name": "Looser P1", "policy": {"targets": [
                   {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT2H"},
                   {"priority": "P1", "metric": "RESOLUTION", "target": "PT6H"}]}}""".formatted(tier)));

        assertThat(api().get("/api/v1/what-if/proposals/" + tight)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Tighter P1");
        List<String> listed = new ArrayList<>();
        api().get("/api/v1/what-if/proposals")
                .json()
                .forEach(p -> listed.add(p.get("id").asString()));
        assertThat(listed).contains(tight, loose);

        Response replayed = api().get("/api/v1/what-if/proposals/" + tight + "/replay?period=2026-08&clients=" + clientA
                + "," + clientB);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("proposal").asString()).isEqualTo(tight);
        assertFigures(line(replayed.json().get("metrics"), null, "RESOLUTION").get("proposed"), 6, 3, 3, "50.00");

        Response compared = api().get("/api/v1/what-if/compare?period=2026-08&proposals=" + tight + "," + loose
                + "&clients=" + clientA + "," + clientB);
        assertThat(compared.status()).as(compared.toString()).isEqualTo(200);
        JsonNode alternatives = compared.json().get("alternatives");
        assertThat(alternatives).hasSize(2);
        assertThat(alternatives.get(0).get("name").asString()).isEqualTo("Tighter P1");
        assertFigures(
                line(alternatives.get(0).get("metrics"), null, "RESOLUTION").get("proposed"), 6, 3, 3, "50.00");
        // Without a P2 target, the looser proposal gives A5 no clocks: 5 resolution clocks, all met (max 5 h).
        assertFigures(
                line(alternatives.get(1).get("metrics"), null, "RESOLUTION").get("proposed"), 5, 5, 0, "100.00");
        assertFigures(
                line(alternatives.get(1).get("metrics"), null, "RESOLUTION").get("current"), 6, 5, 1, "83.33");

        Response adopted = api().post("/api/v1/what-if/proposals/" + tight + "/adopt", "");
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        assertThat(adopted.json().get("version").asInt()).isEqualTo(2);
        JsonNode version = api().get("/api/v1/tiers/" + tier + "/policies/2").json();
        assertThat(version.get("targets").toString()).contains("PT2H30M");
        assertThat(version.get("ticketCredits")).hasSize(2);
        // Version 1 is unchanged: versions are immutable.
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies/1")
                        .json()
                        .get("targets")
                        .toString())
                .contains("PT4H")
                .doesNotContain("PT2H30M");
        assertThat(api().get("/api/v1/what-if/proposals/" + tight)
                        .json()
                        .get("adoptedVersion")
                        .asInt())
                .isEqualTo(2);
        Response again = api().post("/api/v1/what-if/proposals/" + tight + "/adopt", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies").json()).hasSize(2);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertFields(api().post("/api/v1/what-if", "{}"), 400, "tierId", "policy", "period");
        assertFields(api().post("/api/v1/what-if", """
                        {"tierId": "%s", "period": "2026-08", "policy": {"targets": [
                           {"priority": "P1", "metric": "RESOLUTION", "target": "soon"}]}}""".formatted(tier)), 400, "policy.targets[0].target");
        assertFields(
                api().post("/api/v1/what-if", """
                        {"tierId": "%s", "period": "2026-08", "policy": {"targets": [
                           {"priority": "P1", "metric": "RESOLUTION", "target": "PT1H",
                            "calendarId": "%s"}]}}""".formatted(tier, java.util.UUID.randomUUID())),
                422,
                "policy.targets[0].calendarId");
        assertFields(
                api().post("/api/v1/what-if", """
                        {"tierId": "%s", "period": "2026-08", "policy": %s}""".formatted(java.util.UUID.randomUUID(), PROPOSED)), 422, "tierId");
        assertFields(api().post("/api/v1/what-if", """
                        {"tierId": "%s", "period": "2026-13", "policy": %s}""".formatted(tier, PROPOSED)), 400, "period");
        assertFields(api().post("/api/v1/what-if", """
                        {"tierId": "%s", "period": "2026-08", "clients": ["%s", "no-such-client"], "policy": %s}""".formatted(tier, clientA, PROPOSED)), 422, "clients[1]");
        assertFields(api().post("/api/v1/what-if/proposals", """
                {"tierId": "%s", "policy": %s}""".formatted(tier, PROPOSED)), 400, "name");
        assertFields(api().get("/api/v1/what-if/compare?period=2026-08"), 400, "proposals");
        assertFields(api().get("/api/v1/what-if/compare?period=2026-08&proposals=nope"), 400, "proposals[0]");
        assertFields(
                api().get("/api/v1/what-if/compare?period=2026-08&proposals=" + java.util.UUID.randomUUID()),
                422,
                "proposals[0]");
        assertFields(api().get("/api/v1/what-if/proposals/nope"), 400, "id");
        assertThat(api().get("/api/v1/what-if/proposals/" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/what-if/proposals/" + java.util.UUID.randomUUID() + "/adopt", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyManagersAndAdminsReplay() {
        String body = """
                {"tierId": "%s", "period": "2026-08", "policy": %s}""".formatted(tier, PROPOSED);
        Api manager = Api.at(port).withToken(token("{\"name\": \"m\", \"role\": \"MANAGER\"}"));
        Api technician = Api.at(port).withToken(token("{\"name\": \"t\", \"role\": \"TECHNICIAN\"}"));
        Api client = Api.at(port)
                .withToken(token("{\"name\": \"c\", \"role\": \"CLIENT\", \"client\": \"%s\"}".formatted(clientA)));
        assertThat(manager.post("/api/v1/what-if", body).status()).isEqualTo(200);
        assertThat(technician.post("/api/v1/what-if", body).status()).isEqualTo(403);
        assertThat(client.post("/api/v1/what-if", body).status()).isEqualTo(403);
        assertThat(technician.get("/api/v1/what-if/proposals").status()).isEqualTo(403);
        assertThat(client.get("/api/v1/what-if/proposals").status()).isEqualTo(403);
    }

    // --- helpers ---

    private JsonNode replay(List<String> clients) {
        String chosen = clients == null
                ? "\"clients\": [\"" + clientA + "\", \"" + clientB + "\"], "
                : "\"clients\": ["
                        + String.join(
                                ", ", clients.stream().map(c -> "\"" + c + "\"").toList()) + "], ";
        Response response = api().post("/api/v1/what-if", """
                {"tierId": "%s", "period": "2026-08", %s"policy": %s}""".formatted(tier, chosen, PROPOSED));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertFigures(JsonNode figures, int stopped, int met, int breached, String metPercent) {
        assertThat(figures.get("stopped").asInt()).as(figures.toString()).isEqualTo(stopped);
        assertThat(figures.get("met").asInt()).as(figures.toString()).isEqualTo(met);
        assertThat(figures.get("breached").asInt()).as(figures.toString()).isEqualTo(breached);
        assertThat(figures.get("breaches").asInt()).as(figures.toString()).isEqualTo(breached);
        assertThat(figures.get("metPercent").decimalValue())
                .as(figures.toString())
                .isEqualByComparingTo(metPercent);
    }

    private static JsonNode line(JsonNode lines, String priority, String metric) {
        for (JsonNode line : lines) {
            JsonNode p = line.get("priority");
            String code = p == null || p.isNull() ? null : p.asString();
            if (java.util.Objects.equals(code, priority)
                    && line.get("metric").asString().equals(metric)) {
                return line;
            }
        }
        throw new AssertionError("no line " + priority + " " + metric + " in " + lines);
    }

    private static JsonNode client(JsonNode replay, String slug) {
        for (JsonNode client : replay.get("clients")) {
            if (client.get("slug").asString().equals(slug)) {
                return client;
            }
        }
        throw new AssertionError("no client " + slug + " in " + replay);
    }

    private String name(String ticketId) {
        return ids.entrySet().stream()
                .filter(e -> e.getValue().equals(ticketId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(ticketId);
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

    private void ticket(String name, String client, String priority, String createdAt, String... events) {
        Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "%s", "subject": "Down", "createdAt": "%s"}""".formatted(client, priority, createdAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        StringBuilder timeline = new StringBuilder();
        for (String event : events) {
            Response recorded = api().post("/api/v1/tickets/" + id + "/events", event);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            timeline.append(", ").append(event);
        }
        ids.put(name, id);
        tickets.put(id, new String[] {client, priority, createdAt, timeline.toString()});
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

    private static void assertFields(Response response, int status, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().findValuesAsString("field"))
                .as(response.toString())
                .containsExactlyInAnyOrder(fields);
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
