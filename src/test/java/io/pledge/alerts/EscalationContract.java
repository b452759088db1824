package io.pledge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.ThresholdFiring;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation rules turn fired thresholds into signed webhooks and chat messages, received by a real
 * local HTTP server: once each, with an idempotency key, retried with backoff, dead after the last
 * attempt and retryable through the API. Run on H2 and PostgreSQL.
 */
public abstract class EscalationContract extends DatabaseIntegrationTest {

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
                .isEqualTo(
                        "sha256=" + DeliverySender.sign(secret, hook.headers().get("X-Pledge-Timestamp"), hook.body()));
        Received chat = received.stream()
                .filter(r -> r.path().equals("/chat"))
                .findFirst()
                .orElseThrow();
        assertThat(json.readTree(chat.body()).get("text").asString())
                .startsWith("SLA warning: FIRST_RESPONSE of ticket " + ticket);
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
        for (int attempt = 1; attempt < DeliverySender.MAX_ATTEMPTS; attempt++) {
            clock.advance(DeliverySender.backoff(attempt));
            sender.sendDue(100);
        }
        assertThat(received).hasSize(DeliverySender.MAX_ATTEMPTS);
        JsonNode dead = api().get("/api/v1/deliveries?state=DEAD").json();
        JsonNode mine = null;
        for (JsonNode delivery : dead) {
            if (delivery.get("target").asString().equals(target + "/flaky")) {
                mine = delivery;
            }
        }
        assertThat(mine).as(dead.toString()).isNotNull();
        assertThat(mine.get("attempts").asInt()).isEqualTo(DeliverySender.MAX_ATTEMPTS);
        assertThat(mine.get("lastError").asString()).isEqualTo("HTTP 503");

        answer.set(200);
        Response retried = api().post("/api/v1/deliveries/" + mine.get("id").asString() + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        sender.sendDue(100);
        assertThat(received).hasSize(DeliverySender.MAX_ATTEMPTS + 1);
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
        assertThat(bad.json().findValuesAsString("field")).containsExactlyInAnyOrder("ratio", "action", "target");
        assertThat(api().post("/api/v1/escalations", """
                        {"name": "x", "ratio": 1, "action": "CHAT", "target": "http://x", "tierId": "%s"}""".formatted(java.util.UUID.randomUUID()))
                        .status())
                .isEqualTo(422);
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
