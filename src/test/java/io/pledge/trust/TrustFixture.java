package io.pledge.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the trust page tests publish from: clients under a Gold-like tier on a 24x7 UTC calendar (P1 15 min /
 * 4 h, P2 1 h / 8 h), their external monitors with downtime reported, and their tickets with internal notes,
 * every name unique and recognisable, so that a test can tell whether anything unpublished shows.
 */
public final class TrustFixture {

    final Api api;
    final Instant now;
    final List<String> ticketIds = new ArrayList<>();
    final List<String> subjects = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    public TrustFixture(Api api, Instant now) {
        this.api = api;
        this.now = now;
    }

    public record Client(String id, String slug, String name) {}

    public record Monitor(String id, String name, String secret) {}

    public Client client(String name) {
        String calendar = created(api.post(
                "/api/v1/calendars",
                "{\"name\": \"%s\", \"zone\": \"UTC\", \"hours\": \"24x7\"}"
                        .formatted(DatabaseIntegrationTest.unique("Always"))));
        String tier = created(api.post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"}]}}""".formatted(DatabaseIntegrationTest.unique("Gold"))));
        String slug = DatabaseIntegrationTest.unique("client");
        String unique = name + " " + slug.substring(slug.length() - 8);
        String id = created(api.post(
                "/api/v1/clients", "{\"name\": \"%s\", \"slug\": \"%s\", \"zone\": \"UTC\"}".formatted(unique, slug)));
        created(api.post("/api/v1/clients/" + id + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2020-01-01", "services": ["ERP", "Network"],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));
        return new Client(id, slug, unique);
    }

    /** An external monitor with a target of 99.9 %, whose tool reports downtime. */
    public Monitor monitor(Client client, String name) {
        String unique = DatabaseIntegrationTest.unique(name);
        Response response = api.post("/api/v1/monitors", """
                {"client": "%s", "name": "%s", "kind": "EXTERNAL", "target": 99.9}""".formatted(client.slug(), unique));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Monitor(
                response.json().get("id").asString(),
                unique,
                response.json().get("secret").asString());
    }

    /** The monitor's tool reports it down from {@code start} to {@code end} (null: still down). */
    public void down(Monitor monitor, Instant start, Instant end, int port) {
        Api tool = Api.at(port).withToken(monitor.secret());
        String key = DatabaseIntegrationTest.unique("incident");
        Response sent = tool.post(
                "/api/v1/ingest/monitor-events",
                "{\"status\": \"DOWN\", \"key\": \"%s\", \"at\": \"%s\"}".formatted(key, start));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        if (end != null) {
            sent = tool.post(
                    "/api/v1/ingest/monitor-events",
                    "{\"status\": \"UP\", \"key\": \"%s\", \"at\": \"%s\"}".formatted(key, end));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
    }

    /**
     * A ticket of the client raised {@code ago} before now, first answered {@code answered} later and resolved
     * {@code resolved} after it was raised (null: not yet), with an internal note.
     */
    public String ticket(Client client, String priority, Duration ago, Duration answered, Duration resolved) {
        Instant created = now.minus(ago);
        String subject = DatabaseIntegrationTest.unique("Payroll export broken");
        Response opened = api.post("/api/v1/tickets", """
                {"client": "%s", "priority": "%s", "service": "ERP", "subject": "%s", "createdAt": "%s"}""".formatted(client.slug(), priority, subject, created));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        if (answered != null) {
            event(
                    id,
                    "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"%s\"}"
                            .formatted(created.plus(answered)));
        }
        if (resolved != null) {
            event(id, "{\"type\": \"RESOLVED\", \"at\": \"%s\"}".formatted(created.plus(resolved)));
        }
        String note = DatabaseIntegrationTest.unique("internal: rebooted the core switch");
        event(id, "{\"type\": \"NOTE\", \"body\": \"%s\"}".formatted(note));
        ticketIds.add(id);
        subjects.add(subject);
        notes.add(note);
        return id;
    }

    private void event(String ticket, String json) {
        Response recorded = api.post("/api/v1/tickets/" + ticket + "/events", json);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** A token of a role (MANAGER, TECHNICIAN) or of a client's contact (CLIENT with the client's slug). */
    public String token(String role, String client) {
        Response token = api.post(
                "/api/v1/tokens",
                client == null
                        ? "{\"name\": \"%s\", \"role\": \"%s\"}".formatted(DatabaseIntegrationTest.unique("t"), role)
                        : "{\"name\": \"%s\", \"role\": \"%s\", \"client\": \"%s\"}"
                                .formatted(DatabaseIntegrationTest.unique("t"), role, client));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return token.json().get("secret").asString();
    }

    /** Removes the MSP's page if a test left one (there is one at most). */
    public void noMspPage() {
        for (var page : api.get("/api/v1/trust/pages").json()) {
            if (page.get("clientId") == null || page.get("clientId").isNull()) {
                assertThat(api.delete("/api/v1/trust/pages/" + page.get("id").asString())
                                .status())
                        .isEqualTo(204);
            }
        }
    }

    public static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
