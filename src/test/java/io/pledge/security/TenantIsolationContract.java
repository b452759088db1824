package io.pledge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.audit.AuditEntry;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two clients side by side, each with a ticket (a public reply, an internal note, an internal reply), a
 * monitor, a maintenance window, a CLIENT token and a CLIENT user. Each client's token and user call every
 * operation of the published API (read from the OpenAPI document, so a new operation is tried too) with
 * their own objects, the other client's, and objects that do not exist: the other client's answer exactly
 * as those that do not exist, no answer carries anything of the other client or any internal text, and
 * nothing of the other client changes. Run on H2 and PostgreSQL.
 */
public abstract class TenantIsolationContract extends DatabaseIntegrationTest {

    private static final String PASSWORD = "contact-password-for-tests";

    @Autowired
    JdbcClient jdbc;

    private Tenant first;
    private Tenant second;

    /** One client's objects, and the texts that only it (or only the MSP) may read. */
    private record Tenant(
            TestCatalog catalog,
            String ticket,
            String monitor,
            String window,
            String token,
            String userEmail,
            String subject,
            String publicReply,
            String note,
            String internalReply) {

        /** What another client must never read of this one. */
        List<String> secrets() {
            return List.of(
                    catalog.clientId(),
                    catalog.slug(),
                    ticket,
                    monitor,
                    window,
                    userEmail,
                    subject,
                    publicReply,
                    note,
                    internalReply);
        }

        /** What this client's own contacts must never read: the MSP's internal text. */
        List<String> internal() {
            return List.of(note, internalReply);
        }
    }

    @BeforeEach
    void twoClients() {
        first = tenant();
        second = tenant();
    }

    @Test
    void noOperationGivesAClientAnythingOfAnotherOrAnyInternalText() {
        JsonNode paths = Api.at(port).anonymous().get("/v3/api-docs").json().get("paths");
        List<String> wrong = new ArrayList<>();
        for (Tenant caller : List.of(first, second)) {
            Tenant other = caller == first ? second : first;
            long otherEvents = events(other);
            Map<String, Api> ways = new LinkedHashMap<>();
            ways.put("token", Api.at(port).withToken(caller.token()));
            if (caller == first) {
                // A user signing in with a password is the same caller as a token (once: hashing is slow).
                ways.put("user", Api.at(port).withPassword(caller.userEmail(), PASSWORD));
            }
            for (Map.Entry<String, Api> way : ways.entrySet()) {
                for (Map.Entry<String, JsonNode> path : paths.properties()) {
                    for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                        String method = operation.getKey().toUpperCase(Locale.ROOT);
                        String template = path.getKey();
                        String name = way.getKey() + " of " + caller.catalog().slug() + ": " + method + " " + template;
                        String missing = UUID.randomUUID().toString();
                        String missingSlug = unique("no-such-client");
                        String ownPath = concrete(template, operation.getValue(), caller, null, null);
                        String othersPath = concrete(template, operation.getValue(), other, null, null);
                        String absentPath = concrete(template, operation.getValue(), other, missing, missingSlug);
                        Response own = way.getValue().send(method, ownPath, body(template, caller));
                        Response others = way.getValue().send(method, othersPath, body(template, other));
                        Response absent = way.getValue().send(method, absentPath, body(template, missing, missingSlug));
                        for (Response response : List.of(own, others, absent)) {
                            if (response.status() >= 500) {
                                wrong.add(name + " → " + response.status() + " " + response.body());
                            }
                            // An answer may repeat what its request named (the path, in a problem); nothing more.
                            String said = response == others ? othersPath + body(template, other) : "";
                            for (String secret : other.secrets()) {
                                if (!said.contains(secret) && response.body().contains(secret)) {
                                    wrong.add(name + " → reveals " + secret + ": " + response.body());
                                }
                            }
                            for (String secret : caller.internal()) {
                                if (response.body().contains(secret)) {
                                    wrong.add(name + " → reveals internal text " + secret);
                                }
                            }
                        }
                        String seen = normalized(others, other, null, null);
                        String unseen = normalized(absent, other, missing, missingSlug);
                        if (!seen.equals(unseen)) {
                            wrong.add(name + " → another client's object answers " + seen + ", one that does not exist "
                                    + unseen);
                        }
                    }
                }
            }
            wrong.addAll(events(other) == otherEvents ? List.of() : List.of("the other client's ticket changed"));
        }
        assertThat(wrong).as("what a client reached of another").isEmpty();
        assertThat(api().get("/api/v1/tickets/" + second.ticket())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("NEW");
    }

    @Test
    void aClientReadsItsPublicConversationAndItsEvidenceStillVerifies() {
        Api client = Api.at(port).withToken(first.token());
        JsonNode events =
                client.get("/api/v1/tickets/" + first.ticket() + "/events").json();
        assertThat(events.findValuesAsString("type")).containsExactly("CREATED", "REPLIED");
        assertThat(events.toString()).contains(first.publicReply()).doesNotContain(first.note());

        // The MSP reads every event, with its text.
        JsonNode all =
                api().get("/api/v1/tickets/" + first.ticket() + "/events").json();
        assertThat(all.findValuesAsString("type")).containsExactly("CREATED", "REPLIED", "NOTE", "REPLIED");
        assertThat(all.toString()).contains(first.note()).contains(first.internalReply());

        // The evidence pack names the internal events by kind, instant and digest only.
        JsonNode pack =
                client.get("/api/v1/tickets/" + first.ticket() + "/evidence").json();
        assertThat(pack.toString()).doesNotContain(first.note()).doesNotContain(first.internalReply());
        JsonNode note = pack.get("events").get(2);
        assertThat(note.get("type").asString()).isEqualTo("NOTE");
        assertThat(note.get("internal").asBoolean()).isTrue();
        assertThat(note.has("body")).isFalse();
        assertThat(note.get("bodySha256").asString()).isEqualTo(sha256(first.note()));
        assertThat(note.get("at").asString()).isNotEmpty();
        // Each event's audit entry holds that same digest, and the chain checks from the first entry to the head.
        List<String> details = new ArrayList<>();
        pack.get("audit")
                .get("entries")
                .forEach(entry -> details.add(entry.path("details").asString("")));
        assertThat(details)
                .anySatisfy(detail ->
                        assertThat(detail).contains("type=NOTE").contains("body-sha256=" + sha256(first.note())));
        assertThat(chainChecks(pack.get("audit").get("entries"))).isTrue();
    }

    @Test
    void aClientCannotNameASourceOrAnExternalIdNorLearnWhetherOneIsTaken() {
        Api client = Api.at(port).withToken(first.token());
        // The MSP's helpdesk knows the second client's ticket as T-1001.
        Response staff =
                api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P2", "subject": "Mail down", "source": "psa", "externalId": "T-1001"}""".formatted(second.catalog().slug()));
        assertThat(staff.status()).as(staff.toString()).isEqualTo(201);
        for (String externalId : List.of("T-1001", "T-1002")) {
            Response refused = client.post("/api/v1/tickets", """
                    {"priority": "P2", "subject": "x", "source": "psa", "externalId": "%s"}""".formatted(externalId));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().findValuesAsString("field")).containsExactlyInAnyOrder("source", "externalId");
        }
        // Another client may have a ticket with the same number in the same source: numbers are per client.
        Response same =
                api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P2", "subject": "Mail down", "source": "psa", "externalId": "T-1001"}""".formatted(first.catalog().slug()));
        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        Response twice =
                api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P2", "subject": "Mail down", "source": "psa", "externalId": "T-1001"}""".formatted(first.catalog().slug()));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    }

    private Tenant tenant() {
        TestCatalog catalog = TestCatalog.create(api());
        String subject = unique("Subject");
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"P2\", \"service\": \"ERP\", \"subject\": \"%s\"}"
                                .formatted(catalog.slug(), subject));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String ticket = opened.json().get("id").asString();
        String publicReply = unique("We are on it");
        String note = unique("Vendor contract lapsed, do not tell them");
        String internalReply = unique("Escalating to Tier 3");
        record(ticket, "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"body\": \"%s\"}".formatted(publicReply));
        record(ticket, "{\"type\": \"NOTE\", \"body\": \"%s\"}".formatted(note));
        record(
                ticket,
                "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": false, \"body\": \"%s\"}"
                        .formatted(internalReply));
        Response monitor = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "%s", "kind": "HEARTBEAT", "interval": "PT60S", "grace": "PT30S"}""".formatted(catalog.slug(), unique("Backup")));
        assertThat(monitor.status()).as(monitor.toString()).isEqualTo(201);
        String monitorId = monitor.json().get("id").asString();
        Response window =
                api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "%s",
                 "weekly": {"zone": "UTC", "days": ["SUN"], "start": "02:00", "duration": "PT2H"}}""".formatted(catalog.slug(), monitorId, unique("Patching")));
        assertThat(window.status()).as(window.toString()).isEqualTo(201);
        Response token = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"%s\", \"role\": \"CLIENT\", \"client\": \"%s\"}"
                                .formatted(unique("portal"), catalog.slug()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String email = unique("contact") + "@example.com";
        Response user = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"CLIENT\", \"client\": \"%s\"}"
                                .formatted(email, PASSWORD, catalog.slug()));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new Tenant(
                catalog,
                ticket,
                monitorId,
                window.json().get("id").asString(),
                token.json().get("secret").asString(),
                email,
                subject,
                publicReply,
                note,
                internalReply);
    }

    private void record(String ticket, String event) {
        Response recorded = api().post("/api/v1/tickets/" + ticket + "/events", event);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private long events(Tenant tenant) {
        return jdbc.sql("select count(*) from ticket_event where ticket_id = :id")
                .param("id", UUID.fromString(tenant.ticket()))
                .query(Long.class)
                .single();
    }

    /**
     * A path of the operation with the tenant's objects in it, or with an id and a client that do not exist
     * when {@code missing} is given; a {@code client} query parameter names the same client.
     */
    private static String concrete(
            String template, JsonNode operation, Tenant tenant, String missing, String missingSlug) {
        String client = missingSlug != null ? missingSlug : tenant.catalog().slug();
        String id = missing != null
                ? missing
                : template.startsWith("/api/v1/monitors/")
                        ? tenant.monitor()
                        : template.startsWith("/api/v1/maintenance-windows/") ? tenant.window() : tenant.ticket();
        String path = template.replace("{id}", id)
                .replace("{client}", client)
                .replace("{version}", "1")
                .replace("{tier}", missing != null ? missing : UUID.randomUUID().toString())
                .replace("{priority}", "P1")
                .replace("{metric}", "RESOLUTION")
                .replace("{incident}", id)
                .replace("{source}", "psa")
                .replace("{token}", missing != null ? missing : id);
        StringBuilder query = new StringBuilder();
        JsonNode parameters = operation.get("parameters");
        if (parameters != null) {
            for (JsonNode parameter : parameters) {
                if ("query".equals(parameter.get("in").asString())) {
                    String name = parameter.get("name").asString();
                    if (name.equals("client")) {
                        query.append(query.length() == 0 ? '?' : '&')
                                .append("client=")
                                .append(client);
                    } else if (name.equals("monitor")) {
                        query.append(query.length() == 0 ? '?' : '&')
                                .append("monitor=")
                                .append(missing != null ? missing : tenant.monitor());
                    }
                }
            }
        }
        return path + query;
    }

    private static String body(String template, Tenant tenant) {
        return body(template, tenant.catalog().slug(), tenant.catalog().slug());
    }

    private static String body(String template, String missing, String client) {
        if (template.endsWith("/events")) {
            return "{\"type\": \"REPLIED\", \"body\": \"hello\"}";
        }
        if (template.equals("/api/v1/tickets")) {
            return "{\"client\": \"%s\", \"priority\": \"P2\", \"subject\": \"x\"}".formatted(client);
        }
        return "{\"client\": \"%s\"}".formatted(client);
    }

    /** The answer without what names the object asked for, so that two answers for two objects compare. */
    private static String normalized(Response response, Tenant other, String missing, String missingSlug) {
        String body = response.body();
        for (String name : missing == null
                ? List.of(
                        other.ticket(),
                        other.monitor(),
                        other.window(),
                        other.catalog().slug(),
                        other.catalog().clientId())
                : List.of(missing, missingSlug)) {
            body = body.replace(name, "NAME");
        }
        JsonNode json = body.startsWith("{") ? Api.tree(body) : null;
        String problem = json == null
                ? ""
                : json.path("type").asString("") + "|" + json.path("title").asString("") + "|"
                        + json.path("detail").asString("") + "|"
                        + json.path("errors").toString();
        return response.status() + " " + problem;
    }

    /** Whether each entry's hash is the hash of its content and follows the one before it. */
    private static boolean chainChecks(JsonNode entries) {
        String previous = null;
        for (JsonNode json : entries) {
            AuditEntry entry = new AuditEntry(
                    json.get("chain").asString(),
                    json.get("seq").asLong(),
                    java.time.Instant.parse(json.get("at").asString()),
                    json.get("actor").asString(),
                    json.get("action").asString(),
                    json.get("subject").asString(),
                    json.path("details").isMissingNode()
                            ? null
                            : json.get("details").asString(),
                    json.get("prevHash").asString(),
                    json.get("hash").asString());
            if (!entry.hashMatches() || (previous != null && !previous.equals(entry.prevHash()))) {
                return false;
            }
            previous = entry.hash();
        }
        return previous != null;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
