package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import java.net.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest extends DatabaseIntegrationTest {

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        Response response = api().get("/api/v1/priorities");

        HttpHeaders headers = response.raw().headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aTokenIsNeverShownAgainAfterItsCreation() {
        Response created = api().post("/api/v1/tokens", "{\"name\": \"%s\"}".formatted(unique("once")));
        String secret = created.json().get("secret").asString();

        assertThat(api().get("/api/v1/tokens").body()).doesNotContain(secret);
    }
}
