package io.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.TestCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Changes land in hash chains, and {@code /api/v1/audit/verify} finds any row edited, removed or
 * rewritten in the database behind Pledge's back. Each test works on its own client's chain. Run on H2
 * and PostgreSQL.
 */
public abstract class AuditLogContract extends DatabaseIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String chain;
    String ticket;

    @BeforeEach
    void aTicketWithEvents() {
        TestCatalog catalog = TestCatalog.create(api());
        chain = "client:" + catalog.clientId();
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"P2\", \"subject\": \"Mail down\"}"
                                .formatted(catalog.slug()));
        ticket = opened.json().get("id").asString();
        for (String event : new String[] {
            "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"body\": \"On it\"}",
            "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_CUSTOMER\"}",
            "{\"type\": \"RESOLVED\"}"
        }) {
            assertThat(api().post("/api/v1/tickets/" + ticket + "/events", event)
                            .status())
                    .isEqualTo(201);
        }
    }

    @Test
    void everyEventOfATicketIsChainedAndTheChainVerifies() {
        assertThat(jdbc.sql("select action || ' ' || subject || ' ' || actor from audit_entry where chain = :chain"
                                + " order by seq")
                        .param("chain", chain)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "ticket.event ticket:" + ticket + "#1 token:bootstrap",
                        "ticket.event ticket:" + ticket + "#2 token:bootstrap",
                        "ticket.event ticket:" + ticket + "#3 token:bootstrap",
                        "ticket.event ticket:" + ticket + "#4 token:bootstrap");
        JsonNode report = report();
        assertThat(report.get("entries").asLong()).isEqualTo(4);
        assertThat(report.get("broken")).isNull();
        assertThat(report.get("headHash").asString())
                .isEqualTo(jdbc.sql("select hash from audit_entry where chain = :chain and seq = 4")
                        .param("chain", chain)
                        .query(String.class)
                        .single());
    }

    @Test
    void anEditedEntryIsFound() {
        tamper("update audit_entry set details = 'type=NOTE' where chain = :chain and seq = 2");

        assertThat(broken()).isEqualTo("2: entry 2 was altered: its content does not match its hash");
    }

    @Test
    void aRemovedEntryIsFound() {
        tamper("delete from audit_entry where chain = :chain and seq = 3");

        assertThat(broken()).isEqualTo("3: entry 3 is missing");
    }

    @Test
    void removedLastEntriesAreFoundAgainstTheHead() {
        tamper("delete from audit_entry where chain = :chain and seq >= 3");

        assertThat(broken()).isEqualTo("3: entries 3 to 4 are missing (the head is at 4)");
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheNextLink() {
        AuditEntry first = jdbc.sql("select * from audit_entry where chain = :chain and seq = 1")
                .param("chain", chain)
                .query((row, i) -> AuditEntry.next(
                        row.getString("chain"),
                        1,
                        io.pledge.core.jdbc.Timestamps.instant(row, "at"),
                        "someone else",
                        row.getString("action"),
                        row.getString("subject"),
                        row.getString("details"),
                        row.getString("prev_hash")))
                .single();
        jdbc.sql("update audit_entry set actor = :actor, hash = :hash where chain = :chain and seq = 1")
                .param("actor", first.actor())
                .param("hash", first.hash())
                .param("chain", chain)
                .update();

        assertThat(broken())
                .isEqualTo("2: entry 2 does not follow entry 1: its previous hash is not that entry's hash");
    }

    @Test
    void catalogChangesThroughTheApiAreAuditedAndRefusedOnesAreNot() {
        Response created = api().post(
                        "/api/v1/calendars",
                        "{\"name\": \"%s\", \"zone\": \"UTC\", \"hours\": \"24x7\"}".formatted(unique("Always")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api().post("/api/v1/calendars", "{\"name\": \"\", \"zone\": \"Mars/Olympus\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api().delete("/api/v1/calendars/" + id).status()).isEqualTo(204);

        List<String> entries = jdbc.sql("select action || ' ' || details from audit_entry where chain = 'pledge'"
                        + " and (subject = :created or subject = :path) order by seq")
                .param("created", "/api/v1/calendars/" + id)
                .param("path", "/api/v1/calendars/" + id)
                .query(String.class)
                .list();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).startsWith("api.post status=201;path=/api/v1/calendars;body-sha256=");
        assertThat(entries.get(1)).startsWith("api.delete status=204;path=/api/v1/calendars/" + id + ";");
        assertThat(jdbc.sql("select count(*) from audit_entry where chain = 'pledge' and details like '%status=4%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void catalogChangesThroughThePagesAreAuditedAndRefusedFormsAreNot() {
        PageClient admin = PageClient.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD, "en");
        admin.get("/sources/new");
        String name = unique("pagesource");
        assertThat(admin.post("/sources/new", Map.of("name", "Not A Name", "secret", ""))
                        .status())
                .isEqualTo(422);
        PageClient.Page registered = admin.post("/sources/new", Map.of("name", name, "secret", ""));
        assertThat(registered.status()).isEqualTo(302);

        List<String> entries = jdbc.sql("select action || ' ' || actor || ' ' || details from audit_entry"
                        + " where chain = 'pledge' and action like 'page.%' and subject like :subject order by seq")
                .param("subject", "%/sources/" + name + "%")
                .query(String.class)
                .list();
        assertThat(entries)
                .singleElement()
                .asString()
                .startsWith("page.post " + ADMIN_EMAIL)
                .contains("status=302;path=/sources/new;body-sha256=");
        assertThat(jdbc.sql("select count(*) from audit_entry where chain = 'pledge' and action like 'page.%'"
                                + " and details like '%status=4%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tokensArePledgesOwnChain() {
        Response created = api().post("/api/v1/tokens", "{\"name\": \"%s\"}".formatted(unique("script")));
        String id = created.json().get("token").get("id").asString();
        assertThat(api().delete("/api/v1/tokens/" + id).status()).isEqualTo(204);

        assertThat(jdbc.sql("select action from audit_entry where chain = 'pledge' and subject = :subject order by seq")
                        .param("subject", "token:" + id)
                        .query(String.class)
                        .list())
                .containsExactly("token.created", "token.revoked");
    }

    @Test
    void theEvidencePackVerifiesByTheDocumentedProcedureAndShowsTampering() {
        JsonNode pack = api().get("/api/v1/tickets/" + ticket + "/evidence").json();

        assertThat(pack.get("format").asString()).isEqualTo("pledge-evidence-v1");
        assertThat(pack.get("events").size()).isEqualTo(4);
        assertThat(pack.get("sla").size()).isEqualTo(2);
        assertThat(pack.get("audit").get("ticketEntries").size()).isEqualTo(4);
        assertThat(thirdPartyCheck(pack)).isEmpty();

        tamper("update audit_entry set details = replace(details, 'RESOLVED', 'CLOSED') where chain = :chain"
                + " and seq = 4");

        assertThat(thirdPartyCheck(
                        api().get("/api/v1/tickets/" + ticket + "/evidence").json()))
                .containsExactly(
                        "entry 4: its hash is not the SHA-256 of its content", "event 4: no matching audit entry");
    }

    /**
     * The procedure of the README, written from it alone: each entry's hash recomputed from its fields,
     * each link to the previous hash, the last entry against the head, and each event against its entry.
     */
    static java.util.List<String> thirdPartyCheck(JsonNode pack) throws IllegalStateException {
        java.util.List<String> problems = new java.util.ArrayList<>();
        JsonNode audit = pack.get("audit");
        String previous = null;
        long lastSeq = 0;
        java.util.Map<String, String> detailsBySubject = new java.util.HashMap<>();
        for (JsonNode entry : audit.get("entries")) {
            long seq = entry.get("seq").asLong();
            String text = String.join(
                            "\n",
                            "pledge-audit-v1",
                            field(entry, "prevHash"),
                            field(entry, "chain"),
                            Long.toString(seq),
                            field(entry, "at"),
                            field(entry, "actor"),
                            field(entry, "action"),
                            field(entry, "subject"),
                            field(entry, "details"))
                    + "\n";
            if (!sha256(text).equals(entry.get("hash").asString())) {
                problems.add("entry " + seq + ": its hash is not the SHA-256 of its content");
            }
            if (previous != null && !previous.equals(entry.get("prevHash").asString())) {
                problems.add("entry " + seq + ": does not follow the entry before it");
            }
            previous = entry.get("hash").asString();
            lastSeq = seq;
            detailsBySubject.put(entry.get("subject").asString(), field(entry, "details"));
        }
        if (lastSeq != audit.get("head").get("seq").asLong()
                || !audit.get("head").get("hash").asString().equals(previous)) {
            problems.add("the last entry is not the head");
        }
        String ticketId = pack.get("ticket").get("id").asString();
        for (JsonNode event : pack.get("events")) {
            String details = detailsBySubject.get(
                    "ticket:" + ticketId + "#" + event.get("seq").asLong());
            String expected = "type=" + event.get("type").asString() + ";at="
                    + event.get("at").asString();
            if (details == null || !details.startsWith(expected)) {
                problems.add("event " + event.get("seq").asLong() + ": no matching audit entry");
            }
        }
        return problems;
    }

    private static String field(JsonNode entry, String name) {
        JsonNode value = entry.get(name);
        String text = value == null || value.isNull() ? "" : value.asString();
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
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

    private void tamper(String sql) {
        assertThat(jdbc.sql(sql).param("chain", chain).update()).isPositive();
    }

    private JsonNode report() {
        Response verification = api().get("/api/v1/audit/verify");
        assertThat(verification.status()).isEqualTo(200);
        for (JsonNode report : verification.json().get("chains")) {
            if (report.get("chain").asString().equals(chain)) {
                return report;
            }
        }
        throw new AssertionError("no report for " + chain + " in " + verification.body());
    }

    private String broken() {
        JsonNode broken = report().get("broken");
        assertThat(broken).as("a broken link").isNotNull();
        assertThat(api().get("/api/v1/audit/verify").json().get("valid").asBoolean())
                .isFalse();
        return broken.get("seq").asLong() + ": " + broken.get("reason").asString();
    }
}
