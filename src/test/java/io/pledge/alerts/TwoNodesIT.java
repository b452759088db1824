package io.pledge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pledge.support.Api;
import io.pledge.support.PledgeProcess;
import io.pledge.support.PostgresTestDatabase;
import io.pledge.support.TestCatalog;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Pledge processes on one PostgreSQL schema, each with its own firing poller and sender, as two nodes
 * behind a load balancer: a node killed between claiming a delivery and finishing it leaves it to the
 * other, and together they fire and deliver each threshold exactly once.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class TwoNodesIT {

    private static final String TOKEN = "two-nodes-bootstrap-token-0123456789abcdef";

    @TempDir
    Path data;

    private final List<PledgeProcess> nodes = new ArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCall = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer receiver;
    private String target;
    private String schema;
    private String url;

    record Received(String path, String key, String body) {}

    @BeforeEach
    void receiverAndSchema() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body));
            if (exchange.getRequestURI().getPath().equals("/stuck") && firstCall.getCount() > 0) {
                // The first node to send hangs here, its delivery claimed and not yet sent, until killed.
                firstCall.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        target = "http://127.0.0.1:" + receiver.getAddress().getPort();
        schema = "pledge_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = System.getenv(PostgresTestDatabase.URL_VARIABLE);
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (PledgeProcess node : nodes) {
            if (node.isAlive()) {
                node.stop();
            }
        }
        receiver.stop(0);
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void aNodeKilledMidSendLeavesTheDeliveryToTheOther() throws Exception {
        PledgeProcess first = node("a");
        Api api = first.api().withToken(TOKEN);
        TestCatalog catalog = TestCatalog.create(api);
        rule(
                api,
                catalog,
                "{\"name\": \"breach\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\", \"ratio\": 1,"
                        + " \"action\": \"WEBHOOK\", \"target\": \"%s/stuck\"}");
        // Opened 16 minutes ago: its 15-minute first response is breached as soon as it is stored.
        open(api, catalog, Instant.now().minus(Duration.ofMinutes(16)));

        assertThat(firstCall.await(60, TimeUnit.SECONDS))
                .as("node a sends the delivery")
                .isTrue();
        first.kill();
        PledgeProcess second = node("b");

        awaitSent(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).key()).isEqualTo(received.get(0).key());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        try (Connection connection = connect();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("select state, attempts from " + schema + ".delivery")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("state")).isEqualTo("SENT");
            assertThat(row.getInt("attempts"))
                    .as("the killed attempt never finished")
                    .isEqualTo(1);
            assertThat(row.next()).isFalse();
        }
        assertThat(second.output()).doesNotContain("ERROR");
    }

    @Test
    void twoNodesFireAndDeliverEachThresholdOnce() throws Exception {
        PledgeProcess a = node("a");
        PledgeProcess b = node("b");
        Api[] apis = {a.api().withToken(TOKEN), b.api().withToken(TOKEN)};
        TestCatalog catalog = TestCatalog.create(apis[0]);
        rule(
                apis[1],
                catalog,
                "{\"name\": \"warn\", \"client\": \"%s\", \"metric\": \"FIRST_RESPONSE\","
                        + " \"ratio\": 0.75, \"action\": \"WEBHOOK\", \"target\": \"%s/warn\"}");
        int tickets = 40;
        // 75 % of 15 minutes is 11 min 15 s: each ticket crosses it 3 to 7 seconds from now, while both
        // nodes poll for due thresholds every second.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < tickets; i++) {
            Instant opened = now.minus(Duration.ofSeconds(675)).plusMillis(3_000 + 100L * i);
            open(apis[i % 2], catalog, opened);
        }

        awaitSent(tickets);
        assertThat(received).hasSize(tickets);
        assertThat(received.stream().map(Received::key).distinct()).hasSize(tickets);
        Map<String, Integer> firings = new HashMap<>();
        try (Connection connection = connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "select threshold, count(*) from " + schema + ".clock_firing group by threshold")) {
            while (rows.next()) {
                firings.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(firings).containsEntry("0.75", tickets);
    }

    private PledgeProcess node(String name) throws Exception {
        PledgeProcess node = PledgeProcess.start(
                data.resolve(name),
                Map.of(
                        "PLEDGE_DB_URL", url,
                        "PLEDGE_DB_USER", envOr("PLEDGE_TEST_POSTGRES_USER", "postgres"),
                        "PLEDGE_DB_PASSWORD", envOr("PLEDGE_TEST_POSTGRES_PASSWORD", ""),
                        "SPRING_FLYWAY_SCHEMAS", schema,
                        "SPRING_FLYWAY_DEFAULT_SCHEMA", schema,
                        "PLEDGE_BOOTSTRAP_TOKEN", TOKEN));
        nodes.add(node);
        return node;
    }

    private void rule(Api api, TestCatalog catalog, String template) {
        Api.Response created = api.post("/api/v1/escalations", template.formatted(catalog.slug(), target));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void open(Api api, TestCatalog catalog, Instant createdAt) {
        Api.Response opened = api.post(
                "/api/v1/tickets",
                "{\"client\": \"%s\", \"priority\": \"P1\", \"subject\": \"Down\", \"createdAt\": \"%s\"}"
                        .formatted(catalog.slug(), createdAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    }

    /** Waits until {@code count} deliveries are sent and none is pending. */
    private void awaitSent(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect();
                    ResultSet row = connection
                            .createStatement()
                            .executeQuery("select count(*) filter (where state = 'SENT'), count(*) filter (where"
                                    + " state <> 'SENT') from " + schema + ".delivery")) {
                row.next();
                if (row.getInt(1) >= count && row.getInt(2) == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("deliveries not all sent in time; received " + received.size());
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(
                System.getenv(PostgresTestDatabase.URL_VARIABLE),
                envOr("PLEDGE_TEST_POSTGRES_USER", "postgres"),
                envOr("PLEDGE_TEST_POSTGRES_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
