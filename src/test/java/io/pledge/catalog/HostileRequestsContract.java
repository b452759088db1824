package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.RawHttp;
import io.pledge.support.RawHttp.Answer;
import io.pledge.support.TestCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A fixed set of hostile variants sent to every operation of the OpenAPI document as an ADMIN: hostile
 * path values, query values and JSON bodies (wrong types, nulls, extreme numbers, instants and
 * durations, huge texts, lone surrogates, deep nesting, broken documents). No answer is a 5xx, every
 * error answer is a problem document with a type, and a refused request changes no stored row. Run on
 * H2 and on PostgreSQL.
 */
public abstract class HostileRequestsContract extends DatabaseIntegrationTest {

    private static final String ADMIN = "Authorization: Bearer " + BOOTSTRAP_TOKEN + "\r\n";
    private static final String UNKNOWN_ID = "7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001";

    /** Tables only requests write (background work such as checks and firings writes others). */
    private static final List<String> STORED = List.of(
            "calendar",
            "tier",
            "tier_policy",
            "client",
            "client_contact",
            "contract",
            "ticket",
            "ticket_event",
            "monitor",
            "maintenance_window",
            "escalation_rule",
            "api_token",
            "app_user",
            "team",
            "technician",
            "ticket_source",
            "status_mapping",
            "import_job",
            "audit_entry");

    private static final List<String> PATH_VALUES = List.of(
            UNKNOWN_ID,
            "-1",
            "99999999999999999999999",
            "%2F",
            "%00",
            "a;b",
            "..",
            "%C3%28",
            "%ED%A0%80",
            "x".repeat(20_000),
            "null",
            "%20");

    private static final List<String> QUERY_VALUES = List.of(
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "0000-01-01",
            "%2B999999999-12-31",
            "PT2562047788015215H",
            "1e-999999999",
            "-1",
            "99999999999999999999",
            "%C3%28",
            "%ED%A0%80",
            "x".repeat(5_000),
            "");

    /** Values given to one property at a time (the JSON text as sent). */
    private static final List<String> PROPERTY_VALUES = List.of(
            "12345",
            "true",
            "null",
            "1e-999999999",
            "1E+999999999",
            "-99999999999999999999999999",
            "\"\\ud800\"",
            "\"-999999999-01-01T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"",
            "\"0000-01-01\"",
            "\"PT2562047788015215H\"",
            "\"-PT2562047788015215H\"",
            "\"http://[::1\"",
            "\"" + "x".repeat(100_000) + "\"",
            "[null]",
            "[1e-999999999]",
            "{\"service\": null}",
            "{\"x\": [[[[[[[[[[{}]]]]]]]]]]}");

    /** Whole bodies. */
    private static final List<String> BODIES = List.of(
            "null",
            "[]",
            "\"text\"",
            "12345",
            "{\"a\":",
            "{\"a\": 1,}",
            "[".repeat(300) + "]".repeat(300),
            "{\"\\ud800\": 1}");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void hostileVariantsOfEveryOperationAreRefusedAsProblemsAndChangeNothing() throws IOException {
        Fixtures fixtures = fixtures();
        JsonNode document = Api.at(port).anonymous().get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        long[] stored = counts();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                JsonNode operation = entry.getValue();
                for (Request request : variants(method, path.getKey(), operation, document, fixtures)) {
                    Answer answer = send(request, fixtures);
                    sent++;
                    long[] now = counts();
                    String problem = judge(answer);
                    if (problem == null && answer.status() >= 400 && !java.util.Arrays.equals(stored, now)) {
                        problem = "a refused request changed stored rows " + changed(stored, now);
                    }
                    if (problem != null) {
                        wrong.add(request.describe() + " → " + answer.status() + ": " + problem + " "
                                + abbreviate(answer.body()));
                    }
                    stored = now;
                }
            }
        }
        assertThat(sent).isGreaterThan(1_000);
        assertThat(wrong).as("hostile requests answered wrongly").isEmpty();
    }

    private static String judge(Answer answer) {
        if (answer.status() >= 500 || answer.status() == 0) {
            return answer.status() == 0 ? "no answer" : "a server error";
        }
        if (answer.status() < 400) {
            return null;
        }
        if (!answer.header("content-type").startsWith("application/problem+json")) {
            return "not a problem document (" + answer.header("content-type") + ")";
        }
        JsonNode problem;
        try {
            problem = Api.tree(answer.body());
        } catch (RuntimeException e) {
            return "an unreadable problem document";
        }
        if (!problem.path("type").asString("").startsWith("urn:pledge:problem:")
                || problem.path("title").asString("").isBlank()
                || problem.path("status").asInt() != answer.status()) {
            return "a problem without its type, title or status";
        }
        return null;
    }

    private List<Request> variants(
            String method, String template, JsonNode operation, JsonNode document, Fixtures fixtures) {
        List<Request> requests = new ArrayList<>();
        List<String> pathNames = new ArrayList<>();
        List<String> queryNames = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                pathNames.add(parameter.path("name").asString());
            } else if (in.equals("query")) {
                queryNames.add(parameter.path("name").asString());
            }
        }
        // Hostile values in each path variable, the others unknown: nothing exists to change.
        for (String name : pathNames) {
            for (String value : PATH_VALUES) {
                requests.add(new Request(method, fill(template, name, value, UNKNOWN_ID), null, null));
            }
        }
        // Deeper variants reach real objects, so a wrongly accepted one would show; never a removal.
        if (method.equals("DELETE")) {
            return requests;
        }
        String real = fixtures.fill(template);
        for (String name : queryNames) {
            for (String value : QUERY_VALUES) {
                requests.add(
                        new Request(method, real + (real.contains("?") ? "&" : "?") + name + "=" + value, null, null));
            }
        }
        JsonNode body = operation.path("requestBody").path("content");
        if (body.has("application/json")) {
            for (String text : BODIES) {
                requests.add(new Request(method, real, "application/json", text));
            }
            for (String property : properties(body.path("application/json").path("schema"), document)) {
                for (String value : PROPERTY_VALUES) {
                    requests.add(
                            new Request(method, real, "application/json", "{\"" + property + "\": " + value + "}"));
                }
            }
        } else if (body.has("multipart/form-data")) {
            requests.add(new Request(method, real, "multipart/form-data", "no boundary"));
            requests.add(new Request(
                    method,
                    real,
                    "multipart/form-data; boundary=xyz",
                    "--xyz\r\nContent-Disposition: form-data; name=\"client\"\r\n\r\nacme\r\n--xy"));
            requests.add(new Request(method, real, "application/json", "{\"file\": 12345}"));
        }
        return requests;
    }

    /** The property names of a request body's schema (one level, through a $ref). */
    private static List<String> properties(JsonNode schema, JsonNode document) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            resolved = document.path("components").path("schemas").path(name);
        }
        List<String> names = new ArrayList<>();
        resolved.path("properties").propertyNames().forEach(names::add);
        if (names.isEmpty()) {
            names.add("anything");
        }
        return names;
    }

    private static String fill(String template, String name, String value, String others) {
        return template.replace("{" + name + "}", value).replaceAll("\\{[^}]+}", others);
    }

    private Answer send(Request request, Fixtures fixtures) throws IOException {
        StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
        if (request.target().startsWith("/api/v1/ingest/" + fixtures.source + "/") && request.body() != null) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            head.append("X-Pledge-Timestamp: ").append(timestamp).append("\r\n");
            head.append("X-Pledge-Signature: sha256=")
                    .append(sign(fixtures.sourceSecret, timestamp, request.body()))
                    .append("\r\n");
        } else {
            head.append(ADMIN);
        }
        if (request.body() != null) {
            byte[] bytes = request.body().getBytes(StandardCharsets.ISO_8859_1);
            head.append("Content-Type: ").append(request.contentType()).append("\r\n");
            head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            head.append(request.body());
        }
        return RawHttp.send(port, head.toString());
    }

    private static String sign(String secret, String timestamp, String body) {
        return Api.hmacSha256Hex(secret, timestamp, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private long[] counts() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < STORED.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(select count(*) from ")
                    .append(STORED.get(i))
                    .append(") as c")
                    .append(i);
        }
        return jdbc.sql(sql.toString())
                .query((row, number) -> {
                    long[] values = new long[STORED.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getLong(i + 1);
                    }
                    return values;
                })
                .single();
    }

    private static Map<String, Long> changed(long[] before, long[] after) {
        Map<String, Long> changes = new LinkedHashMap<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changes.put(STORED.get(i), after[i] - before[i]);
            }
        }
        return changes;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private Fixtures fixtures() {
        Api api = api();
        TestCatalog catalog = TestCatalog.create(api);
        JsonNode client = api.get("/api/v1/clients/" + catalog.slug()).json();
        String contract = api.get("/api/v1/clients/" + catalog.slug() + "/contract")
                .json()
                .get("id")
                .asString();
        String calendar = api.post("/api/v1/calendars", "{\"name\": \"Fuzz\", \"zone\": \"UTC\", \"hours\": \"24x7\"}")
                .json()
                .get("id")
                .asString();
        String tier =
                api.get("/api/v1/contracts/" + contract).json().get("tierId").asString();
        String monitor = api.post("/api/v1/monitors", """
                        {"client": "%s", "name": "Fuzz", "kind": "HEARTBEAT"}""".formatted(catalog.slug()))
                .json()
                .get("id")
                .asString();
        String ticket = api.post("/api/v1/tickets", """
                        {"client": "%s", "priority": "P2", "service": "ERP", "subject": "Fuzz"}""".formatted(catalog.slug()))
                .json()
                .get("id")
                .asString();
        String source = unique("fuzz");
        String secret = api.post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(source))
                .json()
                .get("secret")
                .asString();
        assertThat(client.get("id").asString()).isEqualTo(catalog.clientId());
        return new Fixtures(catalog.slug(), calendar, tier, contract, monitor, ticket, source, secret);
    }

    /** Real objects for the deeper variants, by the collection a path names. */
    record Fixtures(
            String client,
            String calendar,
            String tier,
            String contract,
            String monitor,
            String ticket,
            String source,
            String sourceSecret) {

        String fill(String template) {
            String path = template.replace("{client}", client)
                    .replace("{source}", source)
                    .replace("{version}", "1");
            path = path.replace("/calendars/{id}", "/calendars/" + calendar)
                    .replace("/tiers/{id}", "/tiers/" + tier)
                    .replace("/contracts/{id}", "/contracts/" + contract)
                    .replace("/monitors/{id}", "/monitors/" + monitor)
                    .replace("/tickets/{id}", "/tickets/" + ticket);
            return path.replaceAll("\\{[^}]+}", UNKNOWN_ID);
        }
    }

    record Request(String method, String target, String contentType, String body) {

        String describe() {
            String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
            String content = body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body);
            return method + " " + shown + content;
        }
    }
}
