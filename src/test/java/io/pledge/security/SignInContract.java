package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users and the web sign-in: password rules, the form with its CSRF token, the session, lockout after
 * repeated failures, and the audit of it all. Run on H2 and PostgreSQL.
 */
public abstract class SignInContract extends DatabaseIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void passwordsFollowTheRules() {
        String email = unique("weak") + "@msp.example";
        for (String password : List.of("short", "password1234", "aaaaaaaaaaaaaaaa", email.split("@")[0] + "-2026!")) {
            Response refused = createUser(email, password, "TECHNICIAN", null);
            assertThat(refused.status()).as(password).isEqualTo(400);
            assertThat(refused.json().findValuesAsString("field")).containsOnly("password");
        }
        assertThat(createUser(email, PASSWORD, "TECHNICIAN", null).status()).isEqualTo(201);
        assertThat(createUser(email, PASSWORD, "TECHNICIAN", null).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/users").body()).doesNotContain("argon2").doesNotContain(PASSWORD);
    }

    @Test
    void aPersonSignsInThroughTheFormWithItsCsrfTokenAndGetsASession() throws Exception {
        String email = unique("tech") + "@msp.example";
        assertThat(createUser(email, PASSWORD, "TECHNICIAN", null).status()).isEqualTo(201);
        Browser browser = new Browser();

        assertThat(browser.get("/").statusCode()).isEqualTo(302); // to the sign-in form
        HttpResponse<String> form = browser.get("/login");
        String csrf = csrf(form.body());
        assertThat(browser.post("/login", "username", email, "password", PASSWORD)
                        .statusCode())
                .as("without the form's CSRF token")
                .isEqualTo(403);
        HttpResponse<String> signedIn = browser.post("/login", "username", email, "password", PASSWORD, "_csrf", csrf);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

        // Signed in, "/" leads to the first page of the role's navigation: a technician's is the reports page.
        assertThat(browser.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/reports"));
        HttpResponse<String> home = browser.get("/reports");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(email).contains("TECHNICIAN");
        assertThat(home.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(audited(email, "sign-in")).isEqualTo(1);

        browser.post("/logout", "_csrf", csrf(home.body()));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() throws Exception {
        String email = unique("guessed") + "@msp.example";
        Response created = createUser(email, PASSWORD, "MANAGER", null);
        String id = created.json().get("id").asString();
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            String csrf = csrf(browser.get("/login").body());
            HttpResponse<String> failed =
                    browser.post("/login", "username", email, "password", "wrong password " + i, "_csrf", csrf);
            // The fifth failure locks the account: the sign-in page says so (and until when).
            String expected = i < 4 ? "/login?error" : "/login?locked";
            assertThat(failed.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith(expected));
        }
        // Locked: the right password is refused too, on the form and on the API.
        String csrf = csrf(browser.get("/login").body());
        assertThat(browser.post("/login", "username", email, "password", PASSWORD, "_csrf", csrf)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?locked"));
        assertThat(Api.at(port)
                        .withPassword(email, PASSWORD)
                        .get("/api/v1/tiers")
                        .status())
                .isEqualTo(401);
        assertThat(audited(email, "sign-in.failed")).isEqualTo(5);
        assertThat(audited(email, "account.locked")).isEqualTo(1);
        // Tries during the lock are refused without counting: they neither extend the lock nor hide.
        assertThat(audited(email, "sign-in.refused")).isEqualTo(2);

        // After the lock (one minute for the fifth failure), or once an admin lifts it, it works again.
        clock.advance(Duration.ofMinutes(2));
        assertThat(Api.at(port)
                        .withPassword(email, PASSWORD)
                        .get("/api/v1/tiers")
                        .status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/users/" + id + "/unlock", "{}").status()).isEqualTo(200);
    }

    @Test
    void roleChangesAreAuditedAndAClientUserSeesItsClientOnly() {
        TestCatalog catalog = TestCatalog.create(api());
        String email = unique("contact") + "@client.example";
        Response created = createUser(email, PASSWORD, "CLIENT", catalog.slug());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api contact = Api.at(port).withPassword(email, PASSWORD);
        assertThat(contact.get("/api/v1/clients/" + catalog.slug()).status()).isEqualTo(200);
        assertThat(contact.get("/api/v1/tiers").status()).isEqualTo(403);

        String id = created.json().get("id").asString();
        Response promoted = api().put("/api/v1/users/" + id, "{\"role\": \"TECHNICIAN\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(contact.get("/api/v1/tiers").status()).isEqualTo(200);
        assertThat(jdbc.sql("select details from audit_entry where chain = 'pledge' and action = 'user.role-changed'"
                                + " and subject = :subject")
                        .param("subject", "user:" + id)
                        .query(String.class)
                        .single())
                .startsWith("from=CLIENT/" + catalog.clientId() + ";to=TECHNICIAN;");
    }

    private Response createUser(String email, String password, String role, String client) {
        return api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"%s}"
                                .formatted(
                                        email,
                                        password,
                                        role,
                                        client == null ? "" : ", \"client\": \"" + client + "\""));
    }

    private long audited(String email, String action) {
        return jdbc.sql(
                        "select count(*) from audit_entry where chain = 'pledge' and actor = :email and action = :action")
                .param("email", email)
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private static String csrf(String html) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF token in " + html).isTrue();
        return matcher.group(1);
    }

    /** A cookie-keeping HTTP client that does not follow redirects, as a browser's first hops. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String... fields) throws Exception {
            StringBuilder form = new StringBuilder();
            for (int i = 0; i < fields.length; i += 2) {
                form.append(i == 0 ? "" : "&")
                        .append(fields[i])
                        .append('=')
                        .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
