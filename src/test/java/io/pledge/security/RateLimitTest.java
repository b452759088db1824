package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.PageClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Rate limits with small numbers, on a clock the test moves. */
@TestPropertySource(
        properties = {
            "pledge.rate-limits.ingest-per-second=1",
            "pledge.rate-limits.ingest-burst=3",
            "pledge.rate-limits.public-per-second=1",
            "pledge.rate-limits.public-burst=3",
            "pledge.rate-limits.failed-sign-ins-per-minute=2",
            "pledge.rate-limits.failed-sign-ins-burst=2"
        })
class RateLimitTest extends DatabaseIntegrationTest {

    @Autowired
    MutableClock clock;

    @Test
    void webhookIngestBeyondItsRateIsRefusedWithRetryAfter() {
        String source = unique("psa");
        for (int i = 0; i < 3; i++) {
            assertThat(ingest(source).status()).isEqualTo(401); // unsigned, but let through to be checked
        }
        Response refused = ingest(source);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:pledge:problem:too-many-requests");
        clock.advance(Duration.ofSeconds(1));
        assertThat(ingest(source).status()).isEqualTo(401);
    }

    @Test
    void anAddressThatFailsToSignInTooOftenIsHeldBack() {
        Api wrong = Api.at(port).withToken("plg_not-a-token");
        assertThat(wrong.get("/api/v1/priorities").status()).isEqualTo(401);
        assertThat(wrong.get("/api/v1/priorities").status()).isEqualTo(401);

        // Even the right credentials wait now: guessing gets no answer.
        Response held = api().get("/api/v1/priorities");
        assertThat(held.status()).isEqualTo(429);
        assertThat(Long.parseLong(held.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);
        // So does an API call made with a signed-in session.
        assertThat(Api.at(port)
                        .anonymous()
                        .send("GET", "/api/v1/priorities", null, "Cookie", "JSESSIONID=0123456789ABCDEF")
                        .status())
                .isEqualTo(429);

        clock.advance(Duration.ofSeconds(30));
        assertThat(api().get("/api/v1/priorities").status()).isEqualTo(200);
    }

    @Test
    void publicOperationsBeyondTheirRateAreRefused() {
        clock.advance(Duration.ofMinutes(5)); // whatever other tests used is back
        for (int i = 0; i < 3; i++) {
            assertThat(Api.at(port).anonymous().get("/actuator/health").status())
                    .isEqualTo(200);
        }
        assertThat(Api.at(port).anonymous().get("/actuator/health").status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(Api.at(port).anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aSignedInPersonsPagesAreNotCountedAsAnonymousVisits() {
        clock.advance(Duration.ofMinutes(5));
        PageClient signedIn = PageClient.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD, "en");
        for (int i = 0; i < 10; i++) {
            assertThat(signedIn.get("/account/password").status()).isEqualTo(200);
        }

        // The same address without a signed-in session is held to the public rate, a made-up session id
        // included.
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(Api.at(port).anonymous().get("/login").status()).isEqualTo(200);
        }
        assertThat(Api.at(port)
                        .anonymous()
                        .send("GET", "/login", null, "Cookie", "JSESSIONID=0123456789ABCDEF")
                        .status())
                .isEqualTo(429);
    }

    private Response ingest(String source) {
        return Api.at(port).anonymous().post("/api/v1/ingest/" + source + "/events", "{\"events\": []}");
    }
}
