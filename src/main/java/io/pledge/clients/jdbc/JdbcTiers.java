package io.pledge.clients.jdbc;

import io.pledge.calendar.CalendarId;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.PriorityScheme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiers and their policy versions. A version row is inserted once and never updated; its definition is
 * the policy's JSON document, its calendars are listed beside it for referential integrity.
 */
@Repository
@Transactional
class JdbcTiers implements Tiers {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final java.util.Map<String, PolicyTerms> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcTiers(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Tier add(String name, String description, PolicyTerms terms, String author) {
        requireFreeName(name, null);
        TierId id = TierId.random();
        try {
            jdbc.sql("insert into tier (id, name, description, created_at) values (:id, :name, :description, :now)")
                    .param("id", id.value())
                    .param("name", name)
                    .param("description", description)
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        insertVersion(id, 1, terms, author);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Tier> find(TierId id) {
        return jdbc.sql("select * from tier where id = :id")
                .param("id", id.value())
                .query(this::mapTier)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tier> all() {
        return jdbc.sql("select * from tier order by name").query(this::mapTier).list();
    }

    @Override
    public Optional<Tier> rename(TierId id, String name, String description) {
        requireFreeName(name, id);
        try {
            int updated = jdbc.sql("update tier set name = :name, description = :description where id = :id")
                    .param("id", id.value())
                    .param("name", name)
                    .param("description", description)
                    .update();
            return updated == 0 ? Optional.empty() : find(id);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
    }

    @Override
    public Optional<TierPolicy> revise(TierId id, PolicyTerms terms, String author) {
        // The row lock serialises revisions of one tier, so version numbers never collide.
        Optional<UUID> locked = jdbc.sql("select id from tier where id = :id for update")
                .param("id", id.value())
                .query(UUID.class)
                .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from tier_policy where tier_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
        return Optional.of(insertVersion(id, next, terms, author));
    }

    @Override
    @Transactional(readOnly = true)
    public List<TierPolicy> versions(TierId id) {
        return jdbc.sql("select * from tier_policy where tier_id = :id order by version")
                .param("id", id.value())
                .query(this::mapPolicy)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TierPolicy> version(TierId id, int version) {
        return jdbc.sql("select * from tier_policy where tier_id = :id and version = :version")
                .param("id", id.value())
                .param("version", version)
                .query(this::mapPolicy)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TierPolicy> policyAt(TierId id, Instant at) {
        Optional<TierPolicy> inForce = jdbc.sql("""
                        select * from tier_policy where tier_id = :id and effective_from <= :at
                        order by version desc fetch first 1 rows only""")
                .param("id", id.value())
                .param("at", Timestamps.utc(at))
                .query(this::mapPolicy)
                .optional();
        return inForce.isPresent() ? inForce : version(id, 1);
    }

    @Override
    public boolean remove(TierId id) {
        long contracts = jdbc.sql("select count(*) from contract where tier_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
        if (contracts > 0) {
            throw new ConflictException("id", "the tier is used by " + contracts + " contract(s)");
        }
        return jdbc.sql("delete from tier where id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
    }

    private TierPolicy insertVersion(TierId id, int version, PolicyTerms terms, String author) {
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                        insert into tier_policy (tier_id, version, effective_from, created_by, definition)
                        values (:tier, :version, :now, :author, :definition)""")
                .param("tier", id.value())
                .param("version", version)
                .param("now", Timestamps.utc(now))
                .param("author", author)
                .param("definition", json.writeValueAsString(terms.toDocument()))
                .update();
        for (CalendarId calendar : terms.sla().calendars()) {
            jdbc.sql("""
                            insert into tier_policy_calendar (tier_id, version, calendar_id)
                            values (:tier, :version, :calendar)""")
                    .param("tier", id.value())
                    .param("version", version)
                    .param("calendar", calendar.value())
                    .update();
        }
        return new TierPolicy(id, version, now, author, terms);
    }

    private void requireFreeName(String name, TierId except) {
        jdbc.sql("select id from tier where name = :name")
                .param("name", name)
                .query(UUID.class)
                .optional()
                .filter(existing -> except == null || !existing.equals(except.value()))
                .ifPresent(existing -> {
                    throw nameTaken(name);
                });
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "a tier named \"" + name + "\" already exists");
    }

    private Tier mapTier(ResultSet row, int index) throws SQLException {
        TierId id = new TierId(row.getObject("id", UUID.class));
        TierPolicy current = jdbc.sql(
                        "select * from tier_policy where tier_id = :id order by version desc fetch first 1 rows only")
                .param("id", id.value())
                .query(this::mapPolicy)
                .single();
        return new Tier(
                id,
                row.getString("name"),
                row.getString("description"),
                current,
                Timestamps.instant(row, "created_at"));
    }

    private TierPolicy mapPolicy(ResultSet row, int index) throws SQLException {
        TierId tier = new TierId(row.getObject("tier_id", UUID.class));
        int version = row.getInt("version");
        String definition = row.getString("definition");
        // A version never changes once saved: its parsed terms can be kept.
        PolicyTerms terms = parsed.computeIfAbsent(
                tier + "/" + version,
                key -> PolicyTerms.parse(
                        json.readValue(definition, TierPolicyDocument.class), PriorityScheme.ALL_CODES));
        return new TierPolicy(
                tier, version, Timestamps.instant(row, "effective_from"), row.getString("created_by"), terms);
    }
}
