package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.DatabaseIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import tools.jackson.databind.JsonNode;

/**
 * A person signed in through the form uses the API from the same browser, as Swagger UI does: the session
 * is accepted on {@code /api/**} under the same access rules, and a call that changes something must
 * carry the CSRF token from the {@code XSRF-TOKEN} cookie. Tokens and passwords need no CSRF token. The
 * OpenAPI description declares how to authenticate.
 */
class SignedInApiIntegrationTest extends DatabaseIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    BuildProperties build;

    @Test
    void aSignedInPersonCallsTheApiWithItsSessionAndTheCsrfTokenOnChanges() throws Exception {
        String email = unique("manager") + "@msp.example";
        String id = createUser(email, "MANAGER").json().get("id").asString();
        Browser browser = new Browser();
        browser.signIn(email, PASSWORD);

        HttpResponse<String> tiers = browser.call("GET", "/api/v1/tiers", null, null);
        assertThat(tiers.statusCode()).as(tiers.body()).isEqualTo(200);
        assertThat(tiers.headers().allValues("Set-Cookie"))
                .as("an API call does not touch the session")
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

        String calendar = "{\"name\": \"%s\", \"zone\": \"UTC\", \"hours\": \"24x7\"}".formatted(unique("session"));
        HttpResponse<String> forged = browser.call("POST", "/api/v1/calendars", calendar, null);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Api.tree(forged.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:pledge:problem:forbidden");
        assertThat(problem.get("detail").asString()).contains("CSRF");
        HttpResponse<String> wrongToken = browser.call("POST", "/api/v1/calendars", calendar, "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.call("GET", "/api/v1/calendars", null, null).body())
                .as("nothing was stored")
                .doesNotContain(Api.tree(calendar).get("name").asString());

        // Swagger UI's page sets the cookie; its script sends the cookie's value back as a header.
        assertThat(browser.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        String token = browser.cookie("XSRF-TOKEN");
        assertThat(token).isNotBlank();
        HttpResponse<String> created = browser.call("POST", "/api/v1/calendars", calendar, token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.tree(created.body()).get("name").asString())
                .isEqualTo(Api.tree(calendar).get("name").asString());

        // The same access rules as with a token: a MANAGER does not manage tokens.
        HttpResponse<String> tokenRefused = browser.call("POST", "/api/v1/tokens", "{\"name\": \"x\"}", token);
        assertThat(tokenRefused.statusCode()).isEqualTo(403);
        assertThat(Api.tree(tokenRefused.body()).get("detail").asString()).isEqualTo("your role does not allow this");

        // The role is read at each call: a change applies to the open session at once.
        assertThat(api().put("/api/v1/users/" + id, "{\"role\": \"TECHNICIAN\"}")
                        .status())
                .isEqualTo(200);
        assertThat(browser.call("POST", "/api/v1/calendars", calendar.replace("session-", "later-"), token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.call("GET", "/api/v1/tiers", null, null).statusCode())
                .isEqualTo(200);

        // Signed out (from the form every page carries), the session no longer opens the API.
        assertThat(browser.post(
                                "/logout",
                                "_csrf",
                                csrf(browser.get("/account/password").body()))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> afterSignOut = browser.call("GET", "/api/v1/tiers", null, null);
        assertThat(afterSignOut.statusCode()).isEqualTo(401);
    }

    @Test
    void tokensAndPasswordsNeedNoCsrfToken() {
        String calendar = "{\"name\": \"%s\", \"zone\": \"UTC\", \"hours\": \"24x7\"}";
        assertThat(api().post("/api/v1/calendars", calendar.formatted(unique("token")))
                        .status())
                .isEqualTo(201);
        assertThat(Api.at(port)
                        .withPassword(ADMIN_EMAIL, ADMIN_PASSWORD)
                        .post("/api/v1/calendars", calendar.formatted(unique("basic")))
                        .status())
                .isEqualTo(201);
        assertThat(Api.at(port)
                        .anonymous()
                        .post("/api/v1/calendars", calendar.formatted(unique("nobody")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void swaggerUiSendsTheCsrfCookieBackAsAHeader() throws Exception {
        HttpResponse<String> script = new Browser().get("/swagger-ui/swagger-initializer.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body())
                .contains("requestInterceptor")
                .contains("XSRF-TOKEN")
                .contains("X-XSRF-TOKEN");
    }

    @Test
    void theApiDescriptionNamesPledgeItsVersionAndHowToAuthenticate() {
        JsonNode description = Api.at(port).anonymous().get("/v3/api-docs").json();

        assertThat(description.get("info").get("title").asString()).isEqualTo("Pledge");
        assertThat(description.get("info").get("version").asString())
                .isEqualTo(build.getVersion())
                .isNotEqualTo("v0");
        assertThat(description.get("info").get("description").asString()).contains("Bearer plg_");
        JsonNode schemes = description.get("components").get("securitySchemes");
        assertThat(schemes.get("token").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("token").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("password").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("password").get("scheme").asString()).isEqualTo("basic");
        assertThat(description.get("security").toString()).isEqualTo("[{\"token\":[]},{\"password\":[]}]");
        // Signed webhook ingest has its own credential, an external monitor's secret is a bearer token.
        JsonNode paths = description.get("paths");
        assertThat(paths.get("/api/v1/ingest/{source}/events")
                        .get("post")
                        .get("security")
                        .toString())
                .isEqualTo("[]");
        assertThat(paths.get("/api/v1/ingest/alertmanager")
                        .get("post")
                        .get("security")
                        .toString())
                .isEqualTo("[{\"token\":[]}]");
        assertThat(paths.get("/api/v1/tiers").get("get").get("security")).isNull();
    }

    private Api.Response createUser(String email, String role) {
        Api.Response created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static String csrf(String html) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF token in " + html).isTrue();
        return matcher.group(1);
    }

    /** A cookie-keeping HTTP client that does not follow redirects, as a browser. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        void signIn(String email, String password) throws Exception {
            String csrf = csrf(get("/login").body());
            HttpResponse<String> signedIn = post("/login", "username", email, "password", password, "_csrf", csrf);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }

        /** An API call as Swagger UI makes it: JSON, with the CSRF header when a token is given. */
        HttpResponse<String> call(String method, String path, String json, String csrfToken) throws Exception {
            HttpRequest.Builder request = request(path)
                    .header("Accept", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }
    }
}
