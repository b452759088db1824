package io.pledge.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.TestClockConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Pages that fail, over real HTTP (the container's error dispatch included): a browser gets an HTML page in
 * the shell, in its language, with the status the API would give and no trace of the failure; the API, and a
 * page asked for as JSON or as a problem document, keep their problem details.
 */
@Import({TestClockConfiguration.class, PageErrorsTest.Failing.class})
class PageErrorsTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "page-errors-password-0123";

    /** A page that fails as no page of Pledge should, to see what a 500 shows. */
    @TestConfiguration
    static class Failing {

        @Bean
        RouterFunction<ServerResponse> failingPage() {
            return RouterFunctions.route()
                    .GET("/failing-page", request -> {
                        throw new IllegalStateException("secret detail of the failure");
                    })
                    .build();
        }
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        Api.Response created = api().post("/api/v1/users", """
                {"email": "%s", "password": "%s", "role": "%s"}""".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    @Test
    void aBrowserGetsAnHtmlPageInTheShellWithTheStatus() {
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");

        PageClient.Page forbidden = technician.get("/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("text/html");
        assertThat(forbidden.body())
                .contains("<h1 id=\"error-title\">Not allowed</h1>")
                .contains("Error 403")
                .contains("href=\"/queue\"") // the shell's navigation, for the technician
                .doesNotContain("\"type\"");

        PageClient.Page missing = technician.get("/tiers/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body())
                .contains("Page not found")
                .contains("Error 404")
                .doesNotContain("no tier");

        PageClient.Page nowhere = technician.get("/no-such-page");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).contains("Page not found");

        PageClient.Page failed = technician.get("/failing-page");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("text/html");
        assertThat(failed.body())
                .contains("Something went wrong")
                .doesNotContain("secret detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.pledge");

        PageClient french = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "fr");
        PageClient.Page introuvable = french.get("/tiers/" + UUID.randomUUID());
        assertThat(introuvable.status()).isEqualTo(404);
        assertThat(introuvable.body())
                .contains("lang=\"fr\"")
                .contains("Page introuvable")
                .contains("Erreur 404");
        assertThat(french.get("/users").body()).contains("Non autorisé");
    }

    @Test
    void theApiAndRequestsForJsonKeepProblemDetails() {
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");
        for (String accept : new String[] {"application/json", "application/problem+json"}) {
            PageClient.Page forbidden = technician.get("/users", accept);
            assertThat(forbidden.status()).as(accept).isEqualTo(403);
            assertThat(forbidden.contentType()).as(accept).startsWith("application/problem+json");
            assertThat(forbidden.body()).as(accept).contains("\"status\":403");
            PageClient.Page missing = technician.get("/tiers/" + UUID.randomUUID(), accept);
            assertThat(missing.status()).as(accept).isEqualTo(404);
            assertThat(missing.contentType()).as(accept).startsWith("application/problem+json");
        }
        // An API address asked for as HTML still answers a problem document.
        PageClient.Page api = technician.get("/api/v1/tiers/" + UUID.randomUUID());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");
        PageClient.Page refused = technician.get("/api/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        PageClient.Page failed = technician.get("/failing-page", "application/json");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.body()).doesNotContain("secret detail");
        Api.Response token = api().get("/api/v1/tiers/" + UUID.randomUUID());
        assertThat(token.status()).isEqualTo(404);
        assertThat(token.toString()).doesNotContain("<html");
    }
}
