package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tickets, their events and clocks, the queue, and signed ingest, over HTTP. Run on H2 and PostgreSQL. */
public abstract class TicketApiContract extends DatabaseIntegrationTest {

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    String client;
    String slug;
    Instant now;

    @BeforeEach
    void catalog() {
        TestCatalog catalog = TestCatalog.create(api());
        client = catalog.clientId();
        slug = catalog.slug();
        now = clock.instant();
    }

    @Test
    void aTicketOpensWithClocksFromItsContractAndPolicy() {
        Response opened = open("P2", "ERP", now.minus(Duration.ofHours(2)));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode ticket = opened.json();
        assertThat(ticket.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(ticket.get("status").asString()).isEqualTo("NEW");
        assertThat(clock(ticket, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
        assertThat(clock(ticket, "RESOLUTION").get("elapsed").asString()).isEqualTo("PT2H");
        assertThat(clock(ticket, "FIRST_RESPONSE").get("state").asString()).isEqualTo("BREACHED");
        assertThat(opened.header("Location")).endsWith(ticket.get("id").asString());
    }

    @Test
    void aServiceOutsideTheContractsScopeHasNoClocksAndSaysWhy() {
        JsonNode ticket = open("P2", "Printers", now).json();

        assertThat(ticket.get("clocks").size()).isZero();
        assertThat(ticket.get("noClocksReason").asString()).contains("Printers", "ERP, Network");
        assertThat(jdbc.sql("select count(*) from ticket_clock where ticket_id = :id")
                        .param("id", java.util.UUID.fromString(ticket.get("id").asString()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void eventsDriveTheClocksAndTheTicketRow() {
        String id = open("P2", "ERP", now.minus(Duration.ofHours(3)))
                .json()
                .get("id")
                .asString();

        record(
                id,
                "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"%s\"}",
                now.minus(Duration.ofMinutes(170)));
        record(
                id,
                "{\"type\": \"STATUS_CHANGED\", \"status\": \"waiting on customer\", \"at\": \"%s\"}",
                now.minus(Duration.ofHours(2)));
        JsonNode ticket = api().get("/api/v1/tickets/" + id).json();

        assertThat(ticket.get("status").asString()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(clock(ticket, "FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(ticket, "FIRST_RESPONSE").get("elapsed").asString()).isEqualTo("PT10M");
        JsonNode resolution = clock(ticket, "RESOLUTION");
        assertThat(resolution.get("state").asString()).isEqualTo("PAUSED");
        assertThat(resolution.get("elapsed").asString()).isEqualTo("PT1H");
        assertThat(resolution.get("paused").get("WAITING_ON_CUSTOMER").asString())
                .isEqualTo("PT2H");

        record(id, "{\"type\": \"PRIORITY_CHANGED\", \"priority\": \"P1\"}", null);
        record(id, "{\"type\": \"RESOLVED\"}", null);
        ticket = api().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("priority").asString()).isEqualTo("P1");
        assertThat(ticket.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(clock(ticket, "RESOLUTION").get("state").asString()).isEqualTo("MET");
        assertThat(clock(ticket, "RESOLUTION").get("target").asString()).isEqualTo("PT4H");
    }

    @Test
    void aLateEventTakesItsPlaceAndTheClocksAreRecomputed() {
        String id = open("P2", "ERP", now.minus(Duration.ofHours(5)))
                .json()
                .get("id")
                .asString();
        record(id, "{\"type\": \"RESOLVED\", \"at\": \"%s\"}", now.minus(Duration.ofHours(1)));
        assertThat(clock(api().get("/api/v1/tickets/" + id).json(), "RESOLUTION")
                        .get("elapsed")
                        .asString())
                .isEqualTo("PT4H");

        // Arrives now, happened before the resolution: the vendor was waited on for two hours.
        record(
                id,
                "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_VENDOR\", \"at\": \"%s\"}",
                now.minus(Duration.ofHours(4)));
        record(
                id,
                "{\"type\": \"STATUS_CHANGED\", \"status\": \"IN_PROGRESS\", \"at\": \"%s\"}",
                now.minus(Duration.ofHours(2)));

        JsonNode resolution = clock(api().get("/api/v1/tickets/" + id).json(), "RESOLUTION");
        assertThat(resolution.get("elapsed").asString()).isEqualTo("PT2H");
        assertThat(resolution.get("paused").get("WAITING_ON_VENDOR").asString()).isEqualTo("PT2H");
        JsonNode events = api().get("/api/v1/tickets/" + id + "/events").json();
        assertThat(events.findValuesAsString("type"))
                .containsExactly("CREATED", "STATUS_CHANGED", "STATUS_CHANGED", "RESOLVED");
        assertThat(api().get("/api/v1/tickets/" + id).json().get("status").asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    void anMspsOwnStatusNamesMapOntoTheEngine() {
        String id = open("P2", "ERP", now.minus(Duration.ofHours(1)))
                .json()
                .get("id")
                .asString();

        Response unknown = api().post(
                        "/api/v1/tickets/" + id + "/events",
                        "{\"type\": \"STATUS_CHANGED\", \"status\": \"Waiting on Microsoft\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        assertThat(api().put("/api/v1/sources/pledge/statuses", "{\"Waiting on Microsoft\": \"WAITING_ON_VENDOR\"}")
                        .status())
                .isEqualTo(200);
        record(id, "{\"type\": \"STATUS_CHANGED\", \"status\": \"Waiting on Microsoft\"}", null);

        JsonNode ticket = api().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString()).isEqualTo("WAITING_ON_VENDOR");
        assertThat(ticket.get("statusLabel").asString()).isEqualTo("Waiting on Microsoft");
        assertThat(clock(ticket, "RESOLUTION").get("state").asString()).isEqualTo("PAUSED");
    }

    @Test
    void invalidEventsAreRejectedAndStoreNothing() {
        String id = open("P2", "ERP", now.minus(Duration.ofHours(1)))
                .json()
                .get("id")
                .asString();

        Response early = api().post(
                        "/api/v1/tickets/" + id + "/events",
                        "{\"type\": \"NOTE\", \"at\": \"%s\"}".formatted(now.minus(Duration.ofHours(2))));
        Response unknownType = api().post("/api/v1/tickets/" + id + "/events", "{\"type\": \"ESCALATED\"}");
        Response badPriority = api().post(
                        "/api/v1/tickets/" + id + "/events", "{\"type\": \"PRIORITY_CHANGED\", \"priority\": \"P9\"}");

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
        assertThat(unknownType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("type");
        assertThat(badPriority.json().get("errors").get(0).get("field").asString())
                .isEqualTo("priority");
        assertThat(api().get("/api/v1/tickets/" + id + "/events").json().size()).isEqualTo(1);
        assertThat(api().post("/api/v1/tickets/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001/events", "{\"type\": \"NOTE\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theSlaTimelineExplainsEachClock() {
        String id = open("P1", "ERP", now.minus(Duration.ofHours(5)))
                .json()
                .get("id")
                .asString();

        JsonNode sla = api().get("/api/v1/tickets/" + id + "/sla").json();

        JsonNode resolution = null;
        for (JsonNode clock : sla.get("clocks")) {
            if (clock.get("metric").asString().equals("RESOLUTION")) {
                resolution = clock;
            }
        }
        assertThat(resolution.get("state").asString()).isEqualTo("BREACHED");
        assertThat(resolution.get("timeline").findValuesAsString("kind"))
                .containsExactly("STARTED", "THRESHOLD", "THRESHOLD", "BREACHED");
    }

    @Test
    void theQueueIsOrderedByNextDueAndPagedWithACursor() {
        List<String> opened = new ArrayList<>();
        for (int hours = 1; hours <= 5; hours++) {
            opened.add(open("P2", "ERP", now.minus(Duration.ofHours(hours)))
                    .json()
                    .get("id")
                    .asString());
        }
        open("P2", "Printers", now);
        open("P2", "Printers", now);

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get(
                            "/api/v1/tickets?client=" + slug + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(item -> {
                assertThat(seen.add(item.get("id").asString())).isTrue();
                order.add(item.get("id").asString());
            });
            cursor = page.get("nextCursor") == null
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(order).hasSize(7);
        // The oldest ticket is the closest to its next threshold; out-of-scope ones have none and come last.
        List<String> oldestFirst = new ArrayList<>(opened);
        java.util.Collections.reverse(oldestFirst);
        assertThat(order.subList(0, 5)).containsExactlyElementsOf(oldestFirst);
        assertThat(api().get("/api/v1/tickets?client=" + slug + "&breached=true")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(5); // first response (1 hour) is past for all five: the oldest even exactly at 1h
        assertThat(api().get("/api/v1/tickets?client=" + slug + "&dueBefore=" + now.plus(Duration.ofHours(4)))
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(5);
        assertThat(api().get("/api/v1/tickets?client=" + slug + "&priority=P1")
                        .json()
                        .get("items")
                        .size())
                .isZero();
        Response bad = api().get("/api/v1/tickets?status=SLEEPING&limit=0");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theQueueIsOrderedByTimeToBreachAndSaysWhatIsLeft() {
        String longOverdue = id(open("P2", "ERP", now.minus(Duration.ofHours(4)))); // first response breached 3 h ago
        String overdue = id(open("P2", "ERP", now.minus(Duration.ofHours(2)))); // breached 1 h ago
        String paused = id(open("P2", "ERP", now.minus(Duration.ofMinutes(40))));
        record(paused, "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true}", null);
        record(paused, "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_CUSTOMER\"}", null);
        String clockless = id(open("P2", "Printers", now.minus(Duration.ofMinutes(45))));
        String later = id(open("P2", "ERP", now.minus(Duration.ofMinutes(10)))); // first response due in 50 min
        String sooner = id(open("P2", "ERP", now.minus(Duration.ofMinutes(30)))); // due in 30 min

        JsonNode items = api().get("/api/v1/tickets?client=" + slug + "&limit=100")
                .json()
                .get("items");
        List<String> order = new ArrayList<>();
        items.forEach(item -> order.add(item.get("id").asString()));
        assertThat(order).containsExactly(longOverdue, overdue, sooner, later, paused, clockless);

        JsonNode first = items.get(0).get("next");
        assertThat(first.get("metric").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(first.get("state").asString()).isEqualTo("BREACHED");
        // Instants are stored to the microsecond, business time counted to the second.
        assertThat(Instant.parse(first.get("dueAt").asString()))
                .isCloseTo(now.minus(Duration.ofHours(3)), within(1, ChronoUnit.SECONDS));
        assertAbout(first.get("timeLeft"), Duration.ofHours(-3));
        assertAbout(first.get("overdue"), Duration.ofHours(3));
        JsonNode soon = items.get(2).get("next");
        assertThat(soon.get("state").asString()).isEqualTo("RUNNING");
        assertAbout(soon.get("timeLeft"), Duration.ofMinutes(30));
        assertAbout(soon.get("remaining"), Duration.ofMinutes(30));
        assertThat(items.get(4).has("next"))
                .as("a paused ticket has no clock due")
                .isFalse();
        assertThat(items.get(5).has("next")).isFalse();

        // Paging keeps the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get(
                            "/api/v1/tickets?client=" + slug + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(item -> paged.add(item.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(order);
    }

    private static void assertAbout(JsonNode duration, Duration expected) {
        assertThat(Duration.parse(duration.asString()).minus(expected).abs())
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    private static String id(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @Test
    void ticketsAreAssignedToTechniciansAndTeams() {
        String team = api().post("/api/v1/teams", "{\"name\": \"%s\"}".formatted(unique("Network")))
                .json()
                .get("id")
                .asString();
        String technician = api().post(
                        "/api/v1/technicians",
                        "{\"name\": \"Ana\", \"email\": \"%s@msp.example\", \"teamId\": \"%s\"}"
                                .formatted(unique("ana"), team))
                .json()
                .get("id")
                .asString();
        String id = open("P2", "ERP", now).json().get("id").asString();

        record(
                id,
                "{\"type\": \"ASSIGNED\", \"technicianId\": \"%s\", \"teamId\": \"%s\"}".formatted(technician, team),
                null);

        assertThat(api().get("/api/v1/tickets/" + id).json().get("technicianId").asString())
                .isEqualTo(technician);
        assertThat(api().get("/api/v1/tickets?assignee=" + technician).json().findValuesAsString("id"))
                .containsExactly(id);
        assertThat(api().get("/api/v1/tickets?assignee=" + team).json().findValuesAsString("id"))
                .containsExactly(id);

        Response renamed = api().put(
                        "/api/v1/teams/" + team,
                        "{\"name\": \"%s\", \"email\": \"noc@msp.example\"}".formatted(unique("NOC")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(api().delete("/api/v1/technicians/" + technician).status()).isEqualTo(409);
        assertThat(api().delete("/api/v1/teams/" + team).status()).isEqualTo(409);
        String spare = api().post("/api/v1/teams", "{\"name\": \"%s\"}".formatted(unique("Spare")))
                .json()
                .get("id")
                .asString();
        assertThat(api().delete("/api/v1/teams/" + spare).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/teams/" + spare).status()).isEqualTo(404);
        assertThat(api().put("/api/v1/technicians/" + technician, "{\"name\": \"Ana\", \"email\": \"not-an-email\"}")
                        .status())
                .isEqualTo(400);

        String taken = unique("Taken");
        assertThat(api().post("/api/v1/teams", "{\"name\": \"%s\"}".formatted(taken))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/teams", "{\"name\": \"%s\"}".formatted(taken))
                        .status())
                .isEqualTo(409);
        String email = unique("bo") + "@msp.example";
        assertThat(api().post("/api/v1/technicians", "{\"name\": \"Bo\", \"email\": \"%s\"}".formatted(email))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/technicians", "{\"name\": \"Bo\", \"email\": \"%s\"}".formatted(email))
                        .status())
                .isEqualTo(409);
        Response unknownTeam = api().post(
                        "/api/v1/technicians",
                        "{\"name\": \"Cy\", \"email\": \"%s@msp.example\", \"teamId\": \"%s\"}"
                                .formatted(unique("cy"), spare));
        assertThat(unknownTeam.status()).as(unknownTeam.toString()).isEqualTo(422);
        assertThat(api().put("/api/v1/teams/" + spare, "{\"name\": \"%s\"}".formatted(unique("Gone")))
                        .status())
                .isEqualTo(404);
        assertThat(api().put(
                                "/api/v1/technicians/" + spare,
                                "{\"name\": \"Cy\", \"email\": \"%s@msp.example\"}".formatted(unique("cy")))
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/technicians").json().findValuesAsString("email"))
                .contains(email);
    }

    // --- ingest ---

    @Test
    void signedIngestCreatesTicketsAndIsIdempotent() {
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        String batch = """
                {"events": [
                  {"eventId": "e1", "externalId": "T-1", "type": "CREATED", "at": "%s", "client": "%s", "priority": "P2", "service": "ERP", "subject": "ERP down"},
                  {"eventId": "e2", "externalId": "T-1", "type": "REPLIED", "at": "%s", "author": "AGENT", "public": true},
                  {"eventId": "e2", "externalId": "T-1", "type": "REPLIED", "at": "%s", "author": "AGENT", "public": true}]}""".formatted(
                        now.minus(Duration.ofHours(1)),
                        slug,
                        now.minus(Duration.ofMinutes(50)),
                        now.minus(Duration.ofMinutes(50)));

        Response first = signed(source, secret, batch, now);
        Response again = signed(source, secret, batch, now);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(again.json().findValuesAsString("outcome")).containsOnly("DUPLICATE");
        String ticket = first.json().get("results").get(0).get("ticketId").asString();
        assertThat(api().get("/api/v1/tickets/" + ticket + "/events").json().size())
                .isEqualTo(2);
        JsonNode view = api().get("/api/v1/tickets/" + ticket).json();
        assertThat(view.get("externalId").asString()).isEqualTo("T-1");
        assertThat(clock(view, "FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
    }

    @Test
    void ingestFindsTicketsPerClientAndRefusesAnEventNamingAnotherClient() {
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        String other = io.pledge.support.TestCatalog.create(api()).slug();
        Instant at = now.minus(Duration.ofMinutes(30));
        Response created = signed(source, secret, """
                {"events": [{"eventId": "e1", "externalId": "T-7", "type": "CREATED", "at": "%s", "client": "%s",
                             "priority": "P2", "service": "ERP", "subject": "Mail down"}]}""".formatted(at, other), now);
        assertThat(created.json().get("accepted").asInt())
                .as(created.toString())
                .isEqualTo(1);
        String theirs = created.json().get("results").get(0).get("ticketId").asString();

        // An event naming this test's client cannot land on the other client's T-7.
        Response crossed = signed(source, secret, """
                {"events": [{"eventId": "e2", "externalId": "T-7", "type": "REPLIED", "at": "%s", "client": "%s",
                             "author": "AGENT", "public": true, "body": "Fixed"}]}""".formatted(at, slug), now);
        assertThat(crossed.json().get("rejected").asInt())
                .as(crossed.toString())
                .isEqualTo(1);
        JsonNode error = crossed.json().get("results").get(0).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("events[0].client");
        assertThat(error.get("message").asString()).contains(slug).contains(other);
        assertThat(api().get("/api/v1/tickets/" + theirs + "/events").json().size())
                .isEqualTo(1);

        // The same number is another ticket for another client; then an event must say whose it is.
        Response ours = signed(source, secret, """
                {"events": [{"eventId": "e3", "externalId": "T-7", "type": "CREATED", "at": "%s", "client": "%s",
                             "priority": "P2", "service": "ERP", "subject": "Printer"}]}""".formatted(at, slug), now);
        assertThat(ours.json().get("accepted").asInt()).as(ours.toString()).isEqualTo(1);
        String mine = ours.json().get("results").get(0).get("ticketId").asString();
        assertThat(mine).isNotEqualTo(theirs);
        Response ambiguous = signed(source, secret, """
                {"events": [{"eventId": "e4", "externalId": "T-7", "type": "NOTE", "at": "%s"}]}""".formatted(at), now);
        assertThat(ambiguous.json().get("rejected").asInt())
                .as(ambiguous.toString())
                .isEqualTo(1);
        assertThat(ambiguous.json().findValuesAsString("field")).containsExactly("events[0].client");
        Response named = signed(source, secret, """
                {"events": [{"eventId": "e5", "externalId": "T-7", "type": "NOTE", "at": "%s", "client": "%s"}]}""".formatted(at, slug), now);
        assertThat(named.json().get("results").get(0).get("ticketId").asString())
                .as(named.toString())
                .isEqualTo(mine);
        assertThat(api().get("/api/v1/tickets/" + theirs + "/events").json().size())
                .isEqualTo(1);
    }

    @Test
    void aBatchWithAnInvalidEventStoresNothingUnlessPartial() {
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        String batch = """
                {"events": [
                  {"eventId": "a1", "externalId": "T-9", "type": "CREATED", "at": "%s", "client": "%s", "priority": "P2"},
                  {"eventId": "a2", "externalId": "T-9", "type": "STATUS_CHANGED", "at": "%s", "status": "ON_HOLD"},
                  {"eventId": "a3", "externalId": "T-404", "type": "NOTE", "at": "%s"}]}""".formatted(now.minus(Duration.ofHours(1)), slug, now, now);

        Response strict = signed(source, secret, batch, now);
        assertThat(strict.status()).isEqualTo(422);
        assertThat(strict.json().findValuesAsString("outcome")).containsExactly("NOT_STORED", "REJECTED", "REJECTED");
        assertThat(strict.json()
                        .get("results")
                        .get(1)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("events[1].status");
        assertThat(ticketsOfSource(source)).isZero();

        Response partial = signed(source, secret, batch, now, "?partial=true");
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().findValuesAsString("outcome")).containsExactly("ACCEPTED", "REJECTED", "REJECTED");
        assertThat(ticketsOfSource(source)).isEqualTo(1);
    }

    @Test
    void ingestNeedsAFreshValidSignature() {
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        String batch =
                "{\"events\": [{\"eventId\": \"x\", \"externalId\": \"T\", \"type\": \"CREATED\", \"at\": \"%s\", \"client\": \"%s\", \"priority\": \"P2\"}]}"
                        .formatted(now, slug);

        assertThat(signed(source, "wrong-secret-wrong-secret-wrong-secret", batch, now)
                        .status())
                .isEqualTo(401);
        assertThat(signed(source, secret, batch, now.minus(Duration.ofMinutes(6)))
                        .status())
                .isEqualTo(401);
        assertThat(signed("no-such-source", secret, batch, now).status()).isEqualTo(401);
        assertThat(Api.at(port)
                        .post("/api/v1/ingest/" + source + "/events", batch)
                        .status())
                .isEqualTo(401);
        assertThat(ticketsOfSource(source)).isZero();
        assertThat(signed(source, secret, batch, now.minus(Duration.ofMinutes(4)))
                        .status())
                .isEqualTo(200);
    }

    // --- helpers ---

    private Response open(String priority, String service, Instant createdAt) {
        return api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "%s", "service": "%s", "subject": "Something broke", "createdAt": "%s"}""".formatted(slug, priority, service, createdAt));
    }

    private void record(String ticket, String template, Instant at) {
        String body = at == null ? template : template.formatted(at);
        Response response = api().post("/api/v1/tickets/" + ticket + "/events", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private long ticketsOfSource(String source) {
        return jdbc.sql("select count(*) from ticket where source = :source")
                .param("source", source)
                .query(Long.class)
                .single();
    }

    private Response signed(String source, String secret, String body, Instant at) {
        return signed(source, secret, body, at, "");
    }

    private Response signed(String source, String secret, String body, Instant at, String query) {
        return Api.at(port).ingest(source, secret, body, at, query);
    }

    private static JsonNode clock(JsonNode ticket, String metric) {
        for (JsonNode clock : ticket.get("clocks")) {
            if (clock.get("metric").asString().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + ticket);
    }
}
