package io.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
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
