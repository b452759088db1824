package io.pledge.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.RawHttp;
import io.pledge.support.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every error answer is a problem document ({@code application/problem+json} with type, title and
 * status), whichever layer refuses the request: the servlet container, the security firewall, the
 * multipart parser or Spring MVC. Requests are written by hand on a socket, as a hostile client would.
 */
class ProblemAnswersIntegrationTest extends DatabaseIntegrationTest {

    private static final String ADMIN = "Authorization: Bearer " + BOOTSTRAP_TOKEN + "\r\n";

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> refusals() {
        String multipartNoBoundary = "Content-Type: multipart/form-data\r\nContent-Length: 9\r\n\r\nnot parts";
        String truncated = "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 64\r\n\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"client\"\r\n\r\nacme\r\n--xy";
        return Stream.of(
                Arguments.of("encoded slash", "GET /api/v1/clients/a%2Fb HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of("encoded NUL", "GET /api/v1/clients/a%00b HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of(
                        "20,000-character path",
                        "GET /api/v1/clients/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + ADMIN,
                        400),
                Arguments.of("semicolon", "GET /api/v1/clients/a;b HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of("dot dot", "GET /api/v1/clients/../tiers HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of("encoded dot dot", "GET /api/v1/clients/%2e%2e/tiers HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of("invalid UTF-8 in a query", "GET /api/v1/tickets?status=%C3%28 HTTP/1.1\r\n" + ADMIN, 400),
                Arguments.of("invalid UTF-8 in a path", "GET /api/v1/clients/%C3%28 HTTP/1.1\r\n" + ADMIN, 400),
                // An operation without an access rule is refused to everyone, the unknown ones included.
                Arguments.of("no such operation", "GET /api/v1/nothing-here HTTP/1.1\r\n" + ADMIN, 403),
                Arguments.of("no credentials outside the API", "GET /nothing-here HTTP/1.1\r\n", 401),
                Arguments.of("no credentials", "GET /api/v1/clients HTTP/1.1\r\n", 401),
                Arguments.of("wrong method", "DELETE /api/v1/calendars HTTP/1.1\r\n" + ADMIN, 403),
                Arguments.of(
                        "unsupported media type",
                        "POST /api/v1/calendars HTTP/1.1\r\n" + ADMIN
                                + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi",
                        415),
                Arguments.of(
                        "multipart without a boundary",
                        "POST /api/v1/calendars HTTP/1.1\r\n" + ADMIN + multipartNoBoundary,
                        400),
                Arguments.of(
                        "multipart without a boundary, no credentials, on ingest",
                        "POST /api/v1/ingest/psa/events HTTP/1.1\r\n" + multipartNoBoundary,
                        400),
                Arguments.of(
                        "multipart without a boundary to an import",
                        "POST /api/v1/imports HTTP/1.1\r\n" + ADMIN + multipartNoBoundary,
                        400),
                Arguments.of("truncated multipart body", "POST /api/v1/imports HTTP/1.1\r\n" + ADMIN + truncated, 400),
                Arguments.of(
                        "truncated multipart body to an audited change",
                        "PUT /api/v1/monitors/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001 HTTP/1.1\r\n" + ADMIN + truncated,
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalIsAProblemDocument(String what, String request, int status) throws IOException {
        long audited = count("audit_entry");
        Answer answer = send(request);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = Api.tree(answer.body());
        assertThat(problem.path("type").asString()).as(answer.toString()).startsWith("urn:pledge:problem:");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(count("audit_entry")).isEqualTo(audited);
    }

    @Test
    void aWellFormedRequestStillPasses() throws IOException {
        Answer answer = send("GET /api/v1/calendars HTTP/1.1\r\n" + ADMIN);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(send("GET /api/v1/clients HTTP/1.1\r\nAuthorization: Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))
                                + "\r\n")
                        .status())
                .isEqualTo(200);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Answer send(String head) throws IOException {
        return RawHttp.send(port, head);
    }
}
