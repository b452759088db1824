package io.pledge.advisor.jdbc;

import io.pledge.advisor.Proposal;
import io.pledge.advisor.Proposals;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.PriorityScheme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Repository
@Transactional
class JdbcProposals implements Proposals {

    private static final String COLUMNS =
            "id, tier_id, name, definition, created_at, created_by, adopted_version, adopted_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcProposals(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Proposal add(TierId tier, String name, PolicyTerms terms, String author) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Timestamps.utc(Timestamps.now(clock));
        jdbc.sql("insert into what_if_proposal (id, tier_id, name, definition, created_at, created_by)"
                        + " values (:id, :tier, :name, :definition, :now, :author)")
                .param("id", id)
                .param("tier", tier.value())
                .param("name", name)
                .param("definition", json.writeValueAsString(terms.toDocument()))
                .param("now", now)
                .param("author", author)
                .update();
        return new Proposal(id, tier, name, terms, now.toInstant(), author, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Proposal> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from what_if_proposal where id = :id")
                .param("id", id)
                .query(this::proposal)
                .optional();
    }

    @Override
    public Optional<Proposal> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from what_if_proposal where id = :id for update")
                .param("id", id)
                .query(this::proposal)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Proposal> all() {
        return jdbc.sql("select " + COLUMNS + " from what_if_proposal order by created_at desc, id")
                .query(this::proposal)
                .list();
    }

    @Override
    public boolean adopted(UUID id, int version) {
        return jdbc.sql("""
                                update what_if_proposal set adopted_version = :version, adopted_at = :now
                                where id = :id and adopted_version is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamps.utc(Timestamps.now(clock)))
                        .update()
                == 1;
    }

    private Proposal proposal(ResultSet row, int index) throws SQLException {
        // Stored proposals stay readable whatever the priority scheme later becomes, as stored policies do.
        PolicyTerms terms = PolicyTerms.parse(
                json.readValue(row.getString("definition"), TierPolicyDocument.class), PriorityScheme.ALL_CODES);
        return new Proposal(
                row.getObject("id", UUID.class),
                new TierId(row.getObject("tier_id", UUID.class)),
                row.getString("name"),
                terms,
                Timestamps.instant(row, "created_at"),
                row.getString("created_by"),
                (Integer) row.getObject("adopted_version"),
                Timestamps.instant(row, "adopted_at"));
    }
}
