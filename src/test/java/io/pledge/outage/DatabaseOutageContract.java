package io.pledge.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.DatabaseUnavailableException;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TcpForwarder;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.Ingest;
import io.pledge.tickets.IngestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes out of reach and comes back, through a forwarder the test cuts and restores: API
 * calls, signed ingest and HTTP Basic answer 503 with {@code Retry-After} within about 2 s (the pool's
 * wait), every ingest request waiting on the writer as well, the health endpoint says the database is
 * DOWN, and everything works again once it returns. Run on PostgreSQL: the embedded H2 database runs
 * inside Pledge's process and cannot be out of reach on its own.
 */
public abstract class DatabaseOutageContract extends DatabaseIntegrationTest {

    /** The pool's wait (2 s) and some room for a busy machine. */
    static final Duration ABOUT_TWO_SECONDS = Duration.ofMillis(3500);

    @Autowired
    Ingest ingest;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    abstract TcpForwarder forwarder();

    @AfterEach
    void databaseBack() {
        forwarder().restore();
    }

    @Test
    void anOutageIsAnsweredWith503AndRetryAfterAndReportedUntilTheDatabaseReturns() throws Exception {
        TestCatalog catalog = TestCatalog.create(api());
        String source = unique("psa");
        String secret = api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        assertThat(signed(source, secret, batch("before", catalog.slug())).status())
                .isEqualTo(200);
        assertThat(health().json().get("components").get("db").get("status").asString())
                .isEqualTo("UP");

        forwarder().cut();

        assertDatabaseUnavailable(() -> api().get("/api/v1/tiers"));
        String during = batch("during", catalog.slug());
        assertDatabaseUnavailable(() -> signed(source, secret, during));
        assertDatabaseUnavailable(
                () -> Api.at(port).withPassword(ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/v1/tiers"));
        long started = System.nanoTime();
        Response health = health();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ABOUT_TWO_SECONDS);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("components").get("db").get("status").asString())
                .isEqualTo("DOWN");

        // Requests waiting together on the ingest writer all fail as an outage, none after the others.
        List<CompletableFuture<Duration>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<IngestEvent> events = events("writer-" + i, catalog.slug());
            waiting.add(CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                try {
                    ingest.accept(source, events, false);
                    throw new AssertionError("stored while the database is out of reach");
                } catch (DatabaseUnavailableException expected) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }));
        }
        for (CompletableFuture<Duration> request : waiting) {
            assertThat(request.get()).isLessThan(ABOUT_TWO_SECONDS);
        }

        forwarder().restore();

        long restored = System.nanoTime();
        Response back = api().get("/api/v1/tiers");
        while (back.status() != 200
                && System.nanoTime() - restored < Duration.ofSeconds(10).toNanos()) {
            back = api().get("/api/v1/tiers");
        }
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        // The pool opens connections again at once, or after its back-off between attempts (up to 5 s).
        assertThat(Duration.ofNanos(System.nanoTime() - restored)).isLessThan(Duration.ofSeconds(7));
        Response ingested = signed(source, secret, batch("after", catalog.slug()));
        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);
        assertThat(ingested.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(health().json().get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        // What was refused during the outage was not stored: sent again, it is new.
        Response resent = signed(source, secret, during);
        assertThat(resent.json().get("accepted").asInt()).isEqualTo(1);
    }

    private static void assertDatabaseUnavailable(Supplier<Response> call) {
        long started = System.nanoTime();
        Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(took).isLessThan(ABOUT_TWO_SECONDS);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:pledge:problem:database-unavailable");
    }

    private Response health() {
        return Api.at(port).anonymous().get("/actuator/health");
    }

    private String batch(String ticket, String client) {
        Instant at = clock.instant().minus(Duration.ofMinutes(10));
        return """
                {"events": [{"eventId": "%s", "externalId": "%s", "type": "CREATED", "at": "%s", "client": "%s",
                             "priority": "P2", "service": "ERP", "subject": "ERP down"}]}""".formatted(unique(ticket), unique(ticket), at, client);
    }

    private List<IngestEvent> events(String ticket, String client) {
        return List.of(json.readValue(
                json.readTree(batch(ticket, client)).get("events").get(0).toString(), IngestEvent.class));
    }

    private Response signed(String source, String secret, String body) {
        return Api.at(port).ingest(source, secret, body, clock.instant(), "");
    }
}
