package io.pledge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pledge.core.Retries;
import io.pledge.core.Signatures;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.ThresholdFiring;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation rules turn fired thresholds into signed webhooks and chat messages received by a real local
 * HTTP server, mail received by an in-process SMTP server (GreenMail), and reassignments and raised
 * priorities on the ticket: once each, with an idempotency key, retried with backoff, dead after the last
 * attempt and retryable through the API. Run on H2 and PostgreSQL.
 */
public abstract class EscalationContract extends DatabaseIntegrationTest {

    /** The SMTP port the test profile sends mail to ({@code pledge.mail.port} in application-test.yml). */
    static final int MAIL_PORT = 13025;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    ThresholdFiring firing;

    @Autowired
    DeliverySender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);
    String target;
    TestCatalog catalog;

    record Received(String path, Map<String, String> headers, String body) {}

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String name : List.of("Idempotency-Key", "X-Pledge-Timestamp", "X-Pledge-Signature")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        target = "http://127.0.0.1:" + receiver.getAddress().getPort();
        catalog = TestCatalog.create(api());
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aWarningAndABreachAreDeliveredOnceSignedAndKeyed() throws Exception {
        Response webhook = rule("{\"name\": \"breach to the PSA\", \"client\": \"%s\", \"priority\": \"P1\","
                + " \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1, \"action\": \"WEBHOOK\", \"target\": \"%s/hook\"}");
        String secret = webhook.json().get("secret").asString();
        rule("{\"name\": \"warn the team\", \"client\": \"%s\", \"ratio\": 0.75, \"action\": \"CHAT\","
                + " \"target\": \"%s/chat\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(16)));
        fireAndSend();
        fireAndSend();

        assertThat(received).extracting(Received::path).containsExactlyInAnyOrder("/hook", "/chat");
        Received hook = received.stream()
                .filter(r -> r.path().equals("/hook"))
                .findFirst()
                .orElseThrow();
        JsonNode body = json.readTree(hook.body());
        assertThat(body.get("event").asString()).isEqualTo("clock.breached");
        assertThat(body.get("ticketId").asString()).isEqualTo(ticket);
        assertThat(body.get("crossedAt").asString())
                .isEqualTo(opened.plusSeconds(900).toString());
        assertThat(hook.headers().get("Idempotency-Key"))
                .isEqualTo(body.get("idempotencyKey").asString());
        assertThat(hook.headers().get("X-Pledge-Signature"))
                .isEqualTo(Signatures.sign(secret, hook.headers().get("X-Pledge-Timestamp"), hook.body()));
        Received chat = received.stream()
                .filter(r -> r.path().equals("/chat"))
                .findFirst()
                .orElseThrow();
        assertThat(json.readTree(chat.body()).get("text").asString())
                .startsWith("SLA warning: FIRST_RESPONSE of Acme ticket " + ticket + " \"Down\" (P1 Critical)");
        assertThat(chat.headers()).doesNotContainKey("X-Pledge-Signature");
    }

    @Test
    void failedDeliveriesBackOffThenDieAndCanBeRetried() {
        answer.set(503);
        rule("{\"name\": \"flaky\", \"client\": \"%s\", \"ratio\": 0.75, \"action\": \"WEBHOOK\","
                + " \"target\": \"%s/flaky\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        open("P1");
        clock.set(opened.plus(Duration.ofMinutes(12)));

        fireAndSend();
        assertThat(received).hasSize(1);
        sender.sendDue(100);
        assertThat(received).as("not before its backoff").hasSize(1);
        for (int attempt = 1; attempt < Retries.MAX_ATTEMPTS; attempt++) {
            clock.advance(Retries.backoff(attempt));
            sender.sendDue(100);
        }
        assertThat(received).hasSize(Retries.MAX_ATTEMPTS);
        JsonNode dead = api().get("/api/v1/deliveries?state=DEAD").json();
        JsonNode mine = null;
        for (JsonNode delivery : dead) {
            if (delivery.get("target").asString().equals(target + "/flaky")) {
                mine = delivery;
            }
        }
        assertThat(mine).as(dead.toString()).isNotNull();
        assertThat(mine.get("attempts").asInt()).isEqualTo(Retries.MAX_ATTEMPTS);
        assertThat(mine.get("lastError").asString()).isEqualTo("HTTP 503 Service Unavailable");

        answer.set(200);
        Response retried = api().post("/api/v1/deliveries/" + mine.get("id").asString() + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        sender.sendDue(100);
        assertThat(received).hasSize(Retries.MAX_ATTEMPTS + 1);
        assertThat(received.stream()
                        .map(r -> r.headers().get("Idempotency-Key"))
                        .distinct())
                .hasSize(1);
        assertThat(api().post("/api/v1/deliveries/" + mine.get("id").asString() + "/retry", "{}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void twoSendersSendEachDeliveryOnce() throws Exception {
        rule("{\"name\": \"many\", \"client\": \"%s\", \"ratio\": 1, \"metric\": \"FIRST_RESPONSE\","
                + " \"action\": \"WEBHOOK\", \"target\": \"%s/many\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        for (int i = 0; i < 12; i++) {
            open("P1");
        }
        clock.set(opened.plus(Duration.ofMinutes(16)));
        while (firing.fireDue(1000) > 0) {
            // fire them all
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                running.add(nodes.submit(() -> {
                    while (sender.sendDue(2) > 0) {
                        // the next two
                    }
                }));
            }
            for (Future<?> node : running) {
                node.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(received).hasSize(12);
        assertThat(received.stream()
                        .map(r -> r.headers().get("Idempotency-Key"))
                        .distinct())
                .hasSize(12);
    }

    @Test
    void rulesAreVersionedAndCheckedField() {
        Response created = rule("{\"name\": \"v1\", \"client\": \"%s\", \"ratio\": 0.9, \"action\": \"CHAT\","
                + " \"target\": \"%s/v\"}");
        String id = created.json().get("id").asString();
        Response revised = api().put("/api/v1/escalations/" + id, """
                {"name": "v2", "ratio": 0.75, "action": "CHAT", "target": "%s/v"}""".formatted(target));
        assertThat(revised.json().get("version").asInt()).isEqualTo(2);
        assertThat(api().delete("/api/v1/escalations/" + id)
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        JsonNode versions = api().get("/api/v1/escalations/" + id + "/versions").json();
        assertThat(versions.findValuesAsString("name")).containsExactly("v1", "v2", "v2");
        assertThat(api().get("/api/v1/escalations").json().findValuesAsString("id"))
                .doesNotContain(id);

        Response bad = api().post("/api/v1/escalations", """
                {"name": "x", "ratio": 1.5, "action": "PIGEON", "target": "ftp://nowhere"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().findValuesAsString("field")).containsExactlyInAnyOrder("ratio", "action");
        assertThat(fields("""
                        {"name": "x", "ratio": 1, "action": "WEBHOOK", "target": "ftp://nowhere"}""")).containsExactly("target");
        assertThat(fields("""
                        {"name": "x", "ratio": 1, "beforeDue": "PT5M", "action": "CHAT", "target": "http://x"}""")).containsExactly("beforeDue");
        assertThat(fields("""
                        {"name": "x", "beforeDue": "soon", "action": "CHAT", "target": "http://x"}""")).containsExactly("beforeDue");
        assertThat(fields("""
                        {"name": "x", "ratio": 0.75, "action": "MAIL", "target": "assignee, client-contacts, bob"}""")).containsExactly("target", "target");
        assertThat(fields("""
                        {"name": "x", "ratio": 0.75, "action": "REASSIGN", "target": "the night shift"}""")).containsExactly("target");
        assertThat(fields("""
                        {"name": "x", "ratio": 0.75, "action": "RAISE_PRIORITY", "target": "P0"}""")).containsExactly("target");
        assertThat(api().post("/api/v1/escalations", """
                        {"name": "x", "ratio": 1, "action": "REASSIGN", "target": "%s"}""".formatted(java.util.UUID.randomUUID()))
                        .status())
                .isEqualTo(422);
        Response noPolicyWarns = api().post("/api/v1/escalations", """
                {"name": "x", "beforeDue": "PT7M13S", "action": "CHAT", "target": "http://x"}""");
        assertThat(noPolicyWarns.status()).isEqualTo(422);
        assertThat(noPolicyWarns.json().findValuesAsString("field")).containsExactly("beforeDue");
        assertThat(api().post("/api/v1/escalations", """
                        {"name": "x", "ratio": 1, "action": "CHAT", "target": "http://x", "tierId": "%s"}""".formatted(java.util.UUID.randomUUID()))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aLeadBeforeDueFiresAtItsInstantInBusinessTime() throws Exception {
        catalog = TestCatalog.create(api(), "\"warnBefore\": [\"PT5M\"]");
        rule("{\"name\": \"five minutes left\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\","
                + " \"beforeDue\": \"PT5M\", \"action\": \"WEBHOOK\", \"target\": \"%s/lead\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(10)).minusSeconds(1));
        fireAndSend();
        assertThat(received).as("not before 5 of its 15 minutes are left").isEmpty();

        clock.set(opened.plus(Duration.ofMinutes(10)));
        fireAndSend();
        assertThat(received).hasSize(1);
        JsonNode body = json.readTree(received.get(0).body());
        assertThat(body.get("event").asString()).isEqualTo("clock.warned");
        assertThat(body.get("ticketId").asString()).isEqualTo(ticket);
        assertThat(body.get("threshold").asString()).isEqualTo("PT5M");
        assertThat(body.get("beforeDue").asString()).isEqualTo("PT5M");
        assertThat(body.get("crossedAt").asString())
                .isEqualTo(opened.plus(Duration.ofMinutes(10)).toString());

        clock.advance(Duration.ofMinutes(1));
        fireAndSend();
        assertThat(received).as("once per cycle").hasSize(1);
    }

    @Test
    void mailReachesTheAssigneeTheTeamAndAnAddressOnce() throws Exception {
        String team =
                create("/api/v1/teams", "{\"name\": \"%s\", \"email\": \"noc@msp.example\"}".formatted(unique("NOC")));
        String technician = create(
                "/api/v1/technicians",
                "{\"name\": \"Ana\", \"email\": \"%s@msp.example\", \"teamId\": \"%s\"}"
                        .formatted(unique("ana"), team));
        String technicianEmail = api().get("/api/v1/technicians").json().findParents("id").stream()
                .filter(node -> node.get("id").asString().equals(technician))
                .findFirst()
                .orElseThrow()
                .get("email")
                .asString();
        rule("{\"name\": \"mail the people\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 0.75,"
                + " \"action\": \"MAIL\", \"target\": \"assignee, team, Duty@MSP.example\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");
        assertThat(api().post(
                                "/api/v1/tickets/" + ticket + "/events",
                                "{\"type\": \"ASSIGNED\", \"technicianId\": \"%s\", \"teamId\": \"%s\"}"
                                        .formatted(technician, team))
                        .status())
                .isEqualTo(201);

        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAndSend();
        fireAndSend();

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(3);
        assertThat(java.util.Arrays.stream(messages[0].getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder(technicianEmail, "noc@msp.example", "duty@msp.example");
        assertThat(messages[0].getSubject())
                .startsWith("[Pledge] SLA warning: 75 % of its target (FIRST_RESPONSE, P1 Critical): Acme " + ticket);
        assertThat(GreenMailUtil.getBody(messages[0])).contains(ticket, "FIRST_RESPONSE");
        String key = messages[0].getHeader("X-Pledge-Idempotency-Key")[0];
        assertThat(key).contains(ticket).endsWith(":FIRST_RESPONSE:1:0.75");
        assertThat(messages[0].getMessageID()).matches("<[0-9a-f]{32}@pledge>");
    }

    @Test
    void aBreachMailsTheClientsContactsAndAMissingRecipientIsAFailure() throws Exception {
        Response contacts = api().put("/api/v1/clients/" + catalog.clientId(), """
                {"name": "Acme", "slug": "%s", "zone": "UTC", "contacts": [
                  {"name": "Iris", "email": "iris@acme.example"}, {"name": "Phone only", "phone": "+33 1 23"}]}""".formatted(catalog.slug()));
        assertThat(contacts.status()).as(contacts.toString()).isEqualTo(200);
        rule("{\"name\": \"tell the client\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1,"
                + " \"action\": \"MAIL\", \"target\": \"client-contacts\"}");
        rule("{\"name\": \"tell the assignee\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1,"
                + " \"action\": \"MAIL\", \"target\": \"assignee\"}");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(16)));
        fireAndSend();

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("iris@acme.example");
        assertThat(messages[0].getSubject())
                .startsWith("[Pledge] SLA breached (FIRST_RESPONSE, P1 Critical): Acme " + ticket);
        JsonNode unassigned = pending(ticket);
        assertThat(unassigned.get("attempts").asInt()).isEqualTo(1);
        assertThat(unassigned.get("lastError").asString())
                .isEqualTo("no recipient: the ticket has no assigned technician");
    }

    @Test
    void ticketActionsRaiseThePriorityAndReassignOnce() {
        String team = create("/api/v1/teams", "{\"name\": \"%s\"}".formatted(unique("Escalations")));
        rule("{\"name\": \"raise\", \"client\": \"%s\", \"priority\": \"P2\", \"metric\": \"FIRST_RESPONSE\","
                + " \"ratio\": 0.75, \"action\": \"RAISE_PRIORITY\", \"target\": \"p1\"}");
        api().post("/api/v1/escalations", """
                {"name": "to the escalation team", "client": "%s", "metric": "RESOLUTION", "ratio": 0.9,
                 "action": "REASSIGN", "target": "%s"}""".formatted(catalog.slug(), team));
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P2");

        clock.set(opened.plus(Duration.ofMinutes(46)));
        fireAndSend();
        fireAndSend();
        JsonNode raised = api().get("/api/v1/tickets/" + ticket).json();
        assertThat(raised.get("priority").asString()).isEqualTo("P1");
        assertThat(types(ticket)).containsOnlyOnce("PRIORITY_CHANGED").doesNotContain("ASSIGNED");

        // P1 resolution is 4 h: 90 % is 3 h 36 min after opening.
        clock.set(opened.plus(Duration.ofMinutes(216)));
        fireAndSend();
        fireAndSend();
        JsonNode reassigned = api().get("/api/v1/tickets/" + ticket).json();
        assertThat(reassigned.get("teamId").asString()).isEqualTo(team);
        assertThat(types(ticket)).containsOnlyOnce("PRIORITY_CHANGED", "ASSIGNED");
        assertThat(api().get("/api/v1/deliveries?state=SENT&limit=1000").json().findValuesAsString("ticketId"))
                .filteredOn(ticket::equals)
                .hasSize(2);
    }

    @Test
    void aTicketActionThatFailsChangesNothingAndIsTriedAgain() {
        String team = create("/api/v1/teams", "{\"name\": \"%s\"}".formatted(unique("Gone")));
        api().post("/api/v1/escalations", """
                {"name": "to a team about to go", "client": "%s", "metric": "FIRST_RESPONSE", "ratio": 0.75,
                 "action": "REASSIGN", "target": "%s"}""".formatted(catalog.slug(), team));
        assertThat(api().delete("/api/v1/teams/" + team).status()).isEqualTo(204);
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAndSend();

        assertThat(types(ticket)).doesNotContain("ASSIGNED");
        JsonNode failed = pending(ticket);
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).contains("unknown team " + team);
        clock.advance(Retries.backoff(1));
        sender.sendDue(100);
        assertThat(pending(ticket).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aMonitorsChangesReachTheRulesOfItsClient() throws Exception {
        TestCatalog other = TestCatalog.create(api());
        rule("{\"name\": \"down to the PSA\", \"client\": \"%s\", \"firesOn\": \"MONITOR_DOWN\","
                + " \"action\": \"WEBHOOK\", \"target\": \"%s/down\"}");
        rule("{\"name\": \"down by mail\", \"client\": \"%s\", \"firesOn\": \"monitor_down\","
                + " \"action\": \"MAIL\", \"target\": \"noc@msp.example\"}");
        rule("{\"name\": \"up in chat\", \"client\": \"%s\", \"firesOn\": \"MONITOR_UP\","
                + " \"action\": \"CHAT\", \"target\": \"%s/up\"}");
        api().post("/api/v1/escalations", """
                {"name": "another client's", "client": "%s", "firesOn": "MONITOR_DOWN", "action": "CHAT",
                 "target": "%s/other"}""".formatted(other.slug(), target));
        Response monitor = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "ERP", "kind": "EXTERNAL"}""".formatted(catalog.slug()));
        assertThat(monitor.status()).as(monitor.toString()).isEqualTo(201);
        String monitorId = monitor.json().get("id").asString();
        Api external = Api.at(port).withToken(monitor.json().get("secret").asString());

        Instant down = io.pledge.core.jdbc.Timestamps.now(clock);
        assertThat(external.post("/api/v1/ingest/monitor-events", "{\"status\": \"DOWN\", \"reason\": \"HTTP 503\"}")
                        .status())
                .isEqualTo(200);
        external.post("/api/v1/ingest/monitor-events", "{\"status\": \"DOWN\", \"reason\": \"HTTP 503\"}");
        fireAndSend();
        clock.advance(Duration.ofMinutes(7));
        external.post("/api/v1/ingest/monitor-events", "{\"status\": \"UP\"}");
        fireAndSend();

        assertThat(received).extracting(Received::path).containsExactlyInAnyOrder("/down", "/up");
        JsonNode body = json.readTree(received.stream()
                .filter(r -> r.path().equals("/down"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(body.get("event").asString()).isEqualTo("monitor.down");
        assertThat(body.get("monitorId").asString()).isEqualTo(monitorId);
        assertThat(body.get("clientId").asString()).isEqualTo(catalog.clientId());
        assertThat(body.get("downSince").asString()).isEqualTo(down.toString());
        assertThat(body.get("reason").asString()).isEqualTo("HTTP 503");
        assertThat(json.readTree(received.stream()
                                .filter(r -> r.path().equals("/up"))
                                .findFirst()
                                .orElseThrow()
                                .body())
                        .get("text")
                        .asString())
                .isEqualTo("Monitor \"ERP\" of Acme UP at " + utc(down.plus(Duration.ofMinutes(7)))
                        + " after 7 min down. https://pledge.msp.example/api/v1/monitors/" + monitorId);
        assertThat(body.get("client").get("name").asString()).isEqualTo("Acme");
        assertThat(body.get("client").get("slug").asString()).isEqualTo(catalog.slug());
        assertThat(body.get("url").asString()).isEqualTo("https://pledge.msp.example/api/v1/monitors/" + monitorId);
        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject())
                .isEqualTo("[Pledge] Monitor \"ERP\" of Acme DOWN since " + utc(down) + ": HTTP 503");
        Parts monitorMail = parts(messages[0]);
        assertThat(monitorMail.text())
                .contains("Acme (" + catalog.slug() + ")", "https://pledge.msp.example/api/v1/monitors/" + monitorId);
        assertThat(monitorMail.html()).contains("<a href=\"https://pledge.msp.example/api/v1/monitors/" + monitorId);

        assertThat(fields("""
                        {"name": "x", "firesOn": "MONITOR_DOWN", "ratio": 1, "metric": "RESOLUTION", "action": "CHAT",
                         "target": "http://x"}""")).containsExactlyInAnyOrder("ratio", "metric");
        assertThat(fields("""
                        {"name": "x", "firesOn": "MONITOR_DOWN", "action": "RAISE_PRIORITY", "target": "P1"}""")).containsExactly("action");
        assertThat(fields("""
                        {"name": "x", "firesOn": "MONITOR_UP", "action": "MAIL", "target": "assignee"}""")).containsExactly("target");
        assertThat(fields("""
                        {"name": "x", "firesOn": "SOMETIMES", "action": "CHAT", "target": "http://x"}""")).containsExactly("firesOn");
    }

    @Test
    void aNotificationNamesTheTicketItsClientAndWhenItIsDue() throws Exception {
        String name = "Acme <Paris> & Co";
        Response renamed = api().put("/api/v1/clients/" + catalog.clientId(), """
                {"name": "%s", "slug": "%s", "zone": "Europe/Paris", "contacts": []}""".formatted(name, catalog.slug()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        rule("{\"name\": \"warn the PSA\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 0.75,"
                + " \"action\": \"WEBHOOK\", \"target\": \"%s/hook\"}");
        rule("{\"name\": \"breach in chat\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1,"
                + " \"action\": \"CHAT\", \"target\": \"%s/chat\"}");
        rule("{\"name\": \"breach by mail\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1,"
                + " \"action\": \"MAIL\", \"target\": \"duty@msp.example\"}");
        String subject = "<b>Printer</b> & \"toner\"";
        String externalId = unique("INC");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        Response created = api().post(
                        "/api/v1/tickets",
                        json.writeValueAsString(Map.of(
                                "client",
                                catalog.slug(),
                                "priority",
                                "P1",
                                "subject",
                                subject,
                                "source",
                                "servicenow",
                                "externalId",
                                externalId)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String ticket = created.json().get("id").asString();
        String link = "https://pledge.msp.example/api/v1/tickets/" + ticket;
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        Instant due = opened.plus(Duration.ofMinutes(15));

        // 75 % of P1's 15-minute first response is 11 min 15 s; noticed at 12 min, 3 min before due.
        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAndSend();
        assertThat(received).hasSize(1);
        JsonNode hook = json.readTree(received.get(0).body());
        assertThat(hook.get("ticketId").asString()).isEqualTo(ticket);
        assertThat(hook.get("clientId").asString()).isEqualTo(catalog.clientId());
        assertThat(hook.get("priority").asString()).isEqualTo("P1");
        assertThat(hook.get("ticket").get("subject").asString()).isEqualTo(subject);
        assertThat(hook.get("ticket").get("externalId").asString()).isEqualTo(externalId);
        assertThat(hook.get("ticket").get("source").asString()).isEqualTo("servicenow");
        assertThat(hook.get("ticket").get("url").asString()).isEqualTo(link);
        assertThat(hook.get("url").asString()).isEqualTo(link);
        assertThat(hook.get("client").get("name").asString()).isEqualTo(name);
        assertThat(hook.get("client").get("slug").asString()).isEqualTo(catalog.slug());
        assertThat(hook.get("client").get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(hook.get("priorityName").asString()).isEqualTo("Critical");
        assertThat(hook.get("dueAt").asString()).isEqualTo(due.toString());
        assertThat(hook.get("dueAtLocal").asString())
                .isEqualTo(due.atZone(paris).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(hook.get("timeLeft").asString()).isEqualTo("PT3M");
        assertThat(hook.has("overdue")).isFalse();

        clock.set(opened.plus(Duration.ofMinutes(16)));
        fireAndSend();
        String dueInParis = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(due.atZone(paris))
                + " (Europe/Paris, UTC" + due.atZone(paris).getOffset() + ")";
        String chat = json.readTree(received.stream()
                        .filter(r -> r.path().equals("/chat"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .get("text")
                .asString();
        assertThat(chat)
                .contains(
                        name,
                        externalId + " (servicenow)",
                        subject,
                        "P1 Critical",
                        "breached at " + dueInParis,
                        "overdue by 1 min",
                        link);

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject()).contains(name, externalId, subject, "P1 Critical");
        Parts parts = parts(messages[0]);
        assertThat(parts.contentType()).startsWith("multipart/alternative");
        assertThat(parts.text())
                .contains(
                        subject,
                        name + " (" + catalog.slug() + ")",
                        externalId + " (servicenow)",
                        "P1 Critical",
                        "Breached: " + dueInParis,
                        "Overdue:  1 min",
                        link);
        assertThat(parts.html())
                .contains(
                        "&lt;b&gt;Printer&lt;/b&gt; &amp; &quot;toner&quot;",
                        "Acme &lt;Paris&gt; &amp; Co",
                        "<a href=\"" + link + "\">",
                        "<td>1 min</td>")
                .doesNotContain("<b>Printer", "<Paris>");
    }

    @Test
    void aFailedDeliverySaysWhatHappened() throws Exception {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        api().post("/api/v1/escalations", """
                {"name": "to nowhere", "client": "%s", "metric": "FIRST_RESPONSE", "ratio": 0.75,
                 "action": "WEBHOOK", "target": "http://127.0.0.1:%d/hook"}""".formatted(catalog.slug(), closed));
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAndSend();

        assertThat(pending(ticket).get("lastError").asString()).isEqualTo("connection refused");
    }

    /** A mail's content type and its plain-text and HTML parts. */
    record Parts(String contentType, String text, String html) {}

    private static Parts parts(MimeMessage message) throws Exception {
        String text = null;
        String html = null;
        jakarta.mail.internet.MimeMultipart multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        assertThat(text).as("plain-text part").isNotNull();
        assertThat(html).as("HTML part").isNotNull();
        return new Parts(message.getContentType(), text, html);
    }

    /** An instant as notices write it for a client in UTC. */
    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(instant.atZone(java.time.ZoneOffset.UTC))
                + " UTC";
    }

    private List<String> fields(String rule) {
        Response bad = api().post("/api/v1/escalations", rule);
        assertThat(bad.status()).as(bad.toString()).isIn(400, 422);
        return bad.json().findValuesAsString("field");
    }

    private String create(String path, String body) {
        Response created = api().post(path, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> types(String ticket) {
        return api().get("/api/v1/tickets/" + ticket + "/events").json().findValuesAsString("type");
    }

    private JsonNode pending(String ticket) {
        for (JsonNode delivery :
                api().get("/api/v1/deliveries?state=PENDING&limit=1000").json()) {
            if (delivery.get("ticketId").asString().equals(ticket)) {
                return delivery;
            }
        }
        throw new AssertionError("no pending delivery for ticket " + ticket);
    }

    private Response rule(String template) {
        Response created = api().post("/api/v1/escalations", template.formatted(catalog.slug(), target));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private void fireAndSend() {
        while (firing.fireDue(1000) > 0) {
            // until nothing is due
        }
        while (sender.sendDue(100) > 0) {
            // until nothing is due
        }
    }

    private String open(String priority) {
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"%s\", \"subject\": \"Down\"}"
                                .formatted(catalog.slug(), priority));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asString();
    }
}
