package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the published API (read from the OpenAPI document, so that a new one cannot be
 * missed) tried with each role, and a client's token trying to reach another client's data every way
 * there is. Run on H2 and PostgreSQL.
 */
public abstract class AccessControlContract extends DatabaseIntegrationTest {

    /**
     * Who may call what, written down here on its own: A ADMIN, M MANAGER, T TECHNICIAN, C CLIENT (for its
     * own client). An operation missing here fails the test: decide its rule, then add it to both.
     */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("POST /api/v1/business-time/add", "AMT");
        EXPECTED.put("POST /api/v1/business-time/between", "AMT");
        EXPECTED.put("POST /api/v1/business-time/deadline", "AMT");
        EXPECTED.put("POST /api/v1/sla/evaluate", "AMT");
        EXPECTED.put("GET /api/v1/priorities", "AMTC");
        EXPECTED.put("GET /api/v1/calendars", "AMT");
        EXPECTED.put("POST /api/v1/calendars", "AM");
        EXPECTED.put("GET /api/v1/calendars/{id}", "AMT");
        EXPECTED.put("PUT /api/v1/calendars/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/calendars/{id}", "AM");
        EXPECTED.put("GET /api/v1/tiers", "AMT");
        EXPECTED.put("POST /api/v1/tiers", "AM");
        EXPECTED.put("GET /api/v1/tiers/{id}", "AMT");
        EXPECTED.put("PUT /api/v1/tiers/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/tiers/{id}", "AM");
        EXPECTED.put("GET /api/v1/tiers/{id}/policies", "AMT");
        EXPECTED.put("POST /api/v1/tiers/{id}/policies", "AM");
        EXPECTED.put("GET /api/v1/tiers/{id}/policies/{version}", "AMT");
        EXPECTED.put("GET /api/v1/clients", "AMT");
        EXPECTED.put("POST /api/v1/clients", "AM");
        EXPECTED.put("GET /api/v1/clients/{client}", "AMTC");
        EXPECTED.put("PUT /api/v1/clients/{client}", "AM");
        EXPECTED.put("DELETE /api/v1/clients/{client}", "AM");
        EXPECTED.put("GET /api/v1/clients/{client}/contract", "AMT");
        EXPECTED.put("GET /api/v1/clients/{client}/terms", "AMTC");
        EXPECTED.put("GET /api/v1/clients/{client}/contracts", "AMT");
        EXPECTED.put("POST /api/v1/clients/{client}/contracts", "AM");
        EXPECTED.put("GET /api/v1/contracts/{id}", "AMT");
        EXPECTED.put("PUT /api/v1/contracts/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/contracts/{id}", "AM");
        EXPECTED.put("GET /api/v1/tickets", "AMTC");
        EXPECTED.put("POST /api/v1/tickets", "AMTC");
        EXPECTED.put("GET /api/v1/tickets/{id}", "AMTC");
        EXPECTED.put("GET /api/v1/tickets/{id}/events", "AMTC");
        EXPECTED.put("POST /api/v1/tickets/{id}/events", "AMTC");
        EXPECTED.put("GET /api/v1/tickets/{id}/sla", "AMTC");
        EXPECTED.put("GET /api/v1/tickets/{id}/evidence", "AMTC");
        EXPECTED.put("GET /api/v1/teams", "AMT");
        EXPECTED.put("POST /api/v1/teams", "AM");
        EXPECTED.put("PUT /api/v1/teams/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/teams/{id}", "AM");
        EXPECTED.put("GET /api/v1/technicians", "AMT");
        EXPECTED.put("POST /api/v1/technicians", "AM");
        EXPECTED.put("PUT /api/v1/technicians/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/technicians/{id}", "AM");
        EXPECTED.put("GET /api/v1/sources", "AMT");
        EXPECTED.put("POST /api/v1/sources", "AM");
        EXPECTED.put("GET /api/v1/sources/{source}/statuses", "AMT");
        EXPECTED.put("PUT /api/v1/sources/{source}/statuses", "AM");
        EXPECTED.put("POST /api/v1/imports", "AM");
        EXPECTED.put("GET /api/v1/imports", "AM");
        EXPECTED.put("GET /api/v1/imports/{id}", "AM");
        EXPECTED.put("GET /api/v1/escalations", "AM");
        EXPECTED.put("POST /api/v1/escalations", "AM");
        EXPECTED.put("GET /api/v1/escalations/{id}/versions", "AM");
        EXPECTED.put("PUT /api/v1/escalations/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/escalations/{id}", "AM");
        EXPECTED.put("GET /api/v1/deliveries", "AM");
        EXPECTED.put("POST /api/v1/deliveries/{id}/retry", "AM");
        EXPECTED.put("GET /api/v1/monitors", "AMTC");
        EXPECTED.put("POST /api/v1/monitors", "AM");
        EXPECTED.put("GET /api/v1/monitors/{id}", "AMTC");
        EXPECTED.put("PUT /api/v1/monitors/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/monitors/{id}", "AM");
        EXPECTED.put("GET /api/v1/monitors/{id}/availability", "AMTC");
        EXPECTED.put("GET /api/v1/monitors/{id}/checks", "AMTC");
        EXPECTED.put("GET /api/v1/maintenance-windows", "AMTC");
        EXPECTED.put("POST /api/v1/maintenance-windows", "AM");
        EXPECTED.put("DELETE /api/v1/maintenance-windows/{id}", "AM");
        EXPECTED.put("GET /api/v1/monitoring-gaps", "AMT");
        EXPECTED.put("GET /api/v1/reports/compliance/{client}", "AMTC");
        EXPECTED.put("GET /api/v1/reports/overview", "AMT");
        EXPECTED.put("GET /api/v1/advisor", "AM");
        EXPECTED.put("GET /api/v1/advisor/goals", "AM");
        EXPECTED.put("PUT /api/v1/advisor/goals/{tier}/{priority}/{metric}", "AM");
        EXPECTED.put("DELETE /api/v1/advisor/goals/{tier}/{priority}/{metric}", "AM");
        EXPECTED.put("POST /api/v1/what-if", "AM");
        EXPECTED.put("GET /api/v1/what-if/compare", "AM");
        EXPECTED.put("POST /api/v1/what-if/proposals", "AM");
        EXPECTED.put("GET /api/v1/what-if/proposals", "AM");
        EXPECTED.put("GET /api/v1/what-if/proposals/{id}", "AM");
        EXPECTED.put("GET /api/v1/what-if/proposals/{id}/replay", "AM");
        EXPECTED.put("POST /api/v1/what-if/proposals/{id}/adopt", "AM");
        EXPECTED.put("GET /api/v1/reports/qbr/{client}/pdf", "AMTC");
        EXPECTED.put("GET /api/v1/reports/qbr/{client}/html", "AMTC");
        EXPECTED.put("GET /api/v1/reports/qbr/{client}/notes", "AM");
        EXPECTED.put("PUT /api/v1/reports/qbr/{client}/notes", "AM");
        EXPECTED.put("GET /api/v1/reports/schedules", "AM");
        EXPECTED.put("GET /api/v1/reports/schedules/{client}", "AM");
        EXPECTED.put("PUT /api/v1/reports/schedules/{client}", "AM");
        EXPECTED.put("GET /api/v1/reports/schedules/{client}/preview", "AM");
        EXPECTED.put("GET /api/v1/reports/deliveries", "AMTC");
        EXPECTED.put("GET /api/v1/reports/deliveries/{id}", "AMTC");
        EXPECTED.put("GET /api/v1/reports/deliveries/{id}/pdf", "AMTC");
        EXPECTED.put("POST /api/v1/reports/deliveries/{id}/resend", "AM");
        EXPECTED.put("POST /api/v1/reports/deliveries/{id}/retry", "AM");
        EXPECTED.put("GET /api/v1/trust/pages", "AM");
        EXPECTED.put("POST /api/v1/trust/pages", "AM");
        EXPECTED.put("GET /api/v1/trust/pages/{id}", "AM");
        EXPECTED.put("PUT /api/v1/trust/pages/{id}", "AM");
        EXPECTED.put("DELETE /api/v1/trust/pages/{id}", "AM");
        EXPECTED.put("GET /api/v1/trust/pages/{id}/incidents", "AM");
        EXPECTED.put("POST /api/v1/trust/pages/{id}/incidents", "AM");
        EXPECTED.put("POST /api/v1/trust/pages/{id}/incidents/{incident}/updates", "AM");
        EXPECTED.put("DELETE /api/v1/trust/pages/{id}/incidents/{incident}", "AM");
        EXPECTED.put("GET /api/v1/tokens", "A");
        EXPECTED.put("POST /api/v1/tokens", "A");
        EXPECTED.put("DELETE /api/v1/tokens/{id}", "A");
        EXPECTED.put("GET /api/v1/audit/verify", "A");
        EXPECTED.put("GET /api/v1/users", "A");
        EXPECTED.put("POST /api/v1/users", "A");
        EXPECTED.put("PUT /api/v1/users/{id}", "A");
        EXPECTED.put("POST /api/v1/users/{id}/unlock", "A");
        // Signed by its source's secret, not by a token: no role takes part (see the ingest tests).
        EXPECTED.put("POST /api/v1/ingest/{source}/events", "-");
        // The heartbeat token in the URL, or an external monitor's bearer secret (see the monitoring tests).
        EXPECTED.put("GET /api/v1/ingest/heartbeats/{token}", "-");
        EXPECTED.put("POST /api/v1/ingest/heartbeats/{token}", "-");
        EXPECTED.put("POST /api/v1/ingest/alertmanager", "-");
        EXPECTED.put("POST /api/v1/ingest/monitor-events", "-");
    }

    TestCatalog own;
    TestCatalog other;
    String ownTicket;
    String otherTicket;
    Map<Character, Api> callers = new LinkedHashMap<>();

    @BeforeEach
    void twoClients() {
        own = TestCatalog.create(api());
        other = TestCatalog.create(api());
        ownTicket = openTicket(own);
        otherTicket = openTicket(other);
        callers.put('A', api());
        callers.put('M', Api.at(port).withToken(token("{\"name\": \"m\", \"role\": \"MANAGER\"}")));
        callers.put('T', Api.at(port).withToken(token("{\"name\": \"t\", \"role\": \"TECHNICIAN\"}")));
        callers.put(
                'C',
                Api.at(port)
                        .withToken(token(
                                "{\"name\": \"c\", \"role\": \"CLIENT\", \"client\": \"%s\"}".formatted(own.slug()))));
    }

    @Test
    void everyOperationIsOpenToItsRolesAndRefusedToTheOthers() {
        JsonNode paths = Api.at(port).anonymous().get("/v3/api-docs").json().get("paths");
        List<String> published = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                published.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }
        assertThat(new TreeSet<>(published))
                .as("operations published without an expected rule here, or expected but gone")
                .isEqualTo(new TreeSet<>(EXPECTED.keySet()));

        List<String> wrong = new ArrayList<>();
        for (String operation : published) {
            String allowed = EXPECTED.get(operation);
            if (allowed.equals("-")) {
                continue;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            for (Map.Entry<Character, Api> caller : callers.entrySet()) {
                Response response = caller.getValue().send(method, concrete(method, path), body(path));
                boolean shouldPass = allowed.indexOf(caller.getKey()) >= 0;
                boolean passed = response.status() != 401 && response.status() != 403;
                if (response.status() >= 500) {
                    wrong.add(caller.getKey() + " " + operation + " → " + response.status() + " " + response.body());
                    continue;
                }
                if (shouldPass != passed) {
                    wrong.add(caller.getKey() + " " + operation + " → " + response.status());
                }
            }
        }
        assertThat(wrong).as("roles let in or kept out against the rules").isEmpty();
    }

    @Test
    void aClientSeesNothingOfAnotherClient() {
        Api client = callers.get('C');
        for (String path : List.of(
                "/api/v1/tickets/" + otherTicket,
                "/api/v1/tickets/" + otherTicket + "/events",
                "/api/v1/tickets/" + otherTicket + "/sla",
                "/api/v1/tickets/" + otherTicket + "/evidence",
                "/api/v1/clients/" + other.clientId(),
                "/api/v1/clients/" + other.slug())) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
        }
        // Naming another client in a filter is naming a client that does not exist.
        for (String reference : List.of(other.slug(), other.clientId())) {
            Response named = client.get("/api/v1/tickets?client=" + reference);
            Response unknown = client.get("/api/v1/tickets?client=no-such-client");
            assertThat(named.status()).isEqualTo(unknown.status()).isEqualTo(400);
            assertThat(named.json().get("detail").asString().replace(reference, "NAME"))
                    .isEqualTo(unknown.json().get("detail").asString().replace("no-such-client", "NAME"));
        }
        assertThat(client.post(
                                "/api/v1/tickets/" + otherTicket + "/events",
                                "{\"type\": \"REPLIED\", \"body\": \"hello\"}")
                        .status())
                .isEqualTo(404);
        Response elsewhere = client.post(
                "/api/v1/tickets",
                "{\"client\": \"%s\", \"priority\": \"P2\", \"subject\": \"x\"}".formatted(other.slug()));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().findValuesAsString("field")).containsExactly("client");

        // The answer for another client's ticket is the answer for a ticket that does not exist.
        String missing = UUID.randomUUID().toString();
        JsonNode hidden = client.get("/api/v1/tickets/" + otherTicket).json();
        JsonNode absent = api().get("/api/v1/tickets/" + missing).json();
        assertThat(hidden.get("title")).isEqualTo(absent.get("title"));
        assertThat(hidden.get("type")).isEqualTo(absent.get("type"));
        assertThat(hidden.get("detail").asString().replace(otherTicket, "ID"))
                .isEqualTo(absent.get("detail").asString().replace(missing, "ID"));

        // Its own data it sees in full; lists hold nothing else.
        assertThat(client.get("/api/v1/tickets/" + ownTicket).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/clients/" + own.slug()).status()).isEqualTo(200);
        List<String> listed = client.get("/api/v1/tickets?limit=100").json().findValuesAsString("clientId");
        assertThat(listed).isNotEmpty().containsOnly(own.clientId());
        assertThat(api().get("/api/v1/tickets?client=" + other.slug()).json().findValuesAsString("id"))
                .contains(otherTicket);
    }

    @Test
    void aClientOpensTicketsForItselfAndOnlyReplies() {
        Api client = callers.get('C');
        Response opened = client.post("/api/v1/tickets", "{\"priority\": \"P2\", \"subject\": \"Printer on fire\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("clientId").asString()).isEqualTo(own.clientId());
        String ticket = opened.json().get("id").asString();

        Response reply = client.post(
                "/api/v1/tickets/" + ticket + "/events",
                "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": false, \"body\": \"any news?\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode stored = api().get("/api/v1/tickets/" + ticket + "/events").json();
        JsonNode last = stored.get(stored.size() - 1);
        assertThat(last.get("author").asString()).isEqualTo("CUSTOMER");
        assertThat(last.get("public").asBoolean()).isTrue();

        Response resolve = client.post("/api/v1/tickets/" + ticket + "/events", "{\"type\": \"RESOLVED\"}");
        assertThat(resolve.status()).isEqualTo(403);
        assertThat(api().get("/api/v1/tickets/" + ticket).json().get("status").asString())
                .isNotEqualTo("RESOLVED");
    }

    @Test
    void aClientTokenNamesItsClient() {
        Response missing = api().post("/api/v1/tokens", "{\"name\": \"c\", \"role\": \"CLIENT\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().findValuesAsString("field")).contains("client");
        Response unknown =
                api().post("/api/v1/tokens", "{\"name\": \"c\", \"role\": \"CLIENT\", \"client\": \"no-such\"}");
        assertThat(unknown.status()).isEqualTo(422);
        Response staffWithClient = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"t\", \"role\": \"TECHNICIAN\", \"client\": \"%s\"}".formatted(own.slug()));
        assertThat(staffWithClient.status()).isEqualTo(400);
        Response badRole = api().post("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"ROOT\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().findValuesAsString("field")).contains("role");
    }

    private String concrete(String method, String path) {
        boolean writes = method.equals("PUT") || method.equals("DELETE");
        String id = path.startsWith("/api/v1/tickets/") && !writes
                ? ownTicket
                : UUID.randomUUID().toString();
        String client = writes ? UUID.randomUUID().toString() : own.clientId();
        return path.replace("{id}", id)
                .replace("{client}", client)
                .replace("{version}", "1")
                .replace("{tier}", UUID.randomUUID().toString())
                .replace("{priority}", "P1")
                .replace("{metric}", "RESOLUTION")
                .replace("{incident}", UUID.randomUUID().toString())
                .replace("{source}", "no-such-source");
    }

    private static String body(String path) {
        return path.endsWith("/tickets/{id}/events") ? "{\"type\": \"REPLIED\", \"author\": \"AGENT\"}" : "{}";
    }

    private String openTicket(TestCatalog catalog) {
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"P2\", \"subject\": \"Down\"}".formatted(catalog.slug()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private String token(String request) {
        Response created = api().post("/api/v1/tokens", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }
}
