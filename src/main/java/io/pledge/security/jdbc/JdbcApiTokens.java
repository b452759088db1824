package io.pledge.security.jdbc;

import io.pledge.audit.AuditLog;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.security.ApiToken;
import io.pledge.security.ApiTokens;
import io.pledge.security.IssuedToken;
import io.pledge.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcApiTokens implements ApiTokens {

    /** Last use is recorded at most this often per token, to keep writes off the hot path. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    JdbcApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String name, Role role, UUID clientId, String createdBy, Instant expiresAt) {
        String secret = ApiTokens.newSecret();
        return new IssuedToken(insert(secret, name, role, clientId, createdBy, expiresAt), secret);
    }

    @Override
    public ApiToken register(String secret, String name, Role role, String createdBy) {
        return insert(secret, name, role, null, createdBy, null);
    }

    private ApiToken insert(String secret, String name, Role role, UUID clientId, String createdBy, Instant expiry) {
        Instant expiresAt = expiry == null ? null : expiry.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                        insert into api_token (id, name, token_hash, prefix, role, client_id, created_by, created_at,
                                               expires_at)
                        values (:id, :name, :hash, :prefix, :role, :client, :createdBy, :now, :expiresAt)""")
                .param("id", id)
                .param("name", name)
                .param("hash", ApiTokens.hash(secret))
                .param("prefix", ApiTokens.displayPrefix(secret))
                .param("role", role.name())
                .param("client", clientId)
                .param("createdBy", createdBy)
                .param("now", Timestamps.utc(now))
                .param("expiresAt", Timestamps.utc(expiresAt))
                .update();
        audit.append(new AuditLog.Change(
                AuditLog.PLEDGE_CHAIN,
                createdBy,
                "token.created",
                "token:" + id,
                "name=" + name + ";role=" + role + (clientId == null ? "" : ";client=" + clientId)
                        + (expiresAt == null ? "" : ";expires=" + expiresAt)));
        return new ApiToken(
                id, name, ApiTokens.displayPrefix(secret), role, clientId, createdBy, now, expiresAt, null, null);
    }

    @Override
    public Optional<ApiToken> authenticate(String secret, Instant now) {
        Optional<ApiToken> token = jdbc.sql("select * from api_token where token_hash = :hash")
                .param("hash", ApiTokens.hash(secret))
                .query(this::map)
                .optional()
                .filter(candidate -> candidate.isActiveAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(t -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                        .param("now", Timestamps.utc(now))
                        .param("id", t.id())
                        .update());
        return token;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return jdbc.sql("select * from api_token order by created_at, id")
                .query(this::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApiToken> find(UUID id) {
        return jdbc.sql("select * from api_token where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<ApiToken> revoke(UUID id, Instant now) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamps.utc(now))
                .param("id", id)
                .update();
        if (revoked > 0) {
            audit.append(new AuditLog.Change(
                    AuditLog.PLEDGE_CHAIN, AuditLog.currentActor(), "token.revoked", "token:" + id, null));
        }
        return find(id);
    }

    private ApiToken map(ResultSet row, int index) throws SQLException {
        return new ApiToken(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("prefix"),
                Role.valueOf(row.getString("role")),
                row.getObject("client_id", UUID.class),
                row.getString("created_by"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "expires_at"),
                Timestamps.instant(row, "last_used_at"),
                Timestamps.instant(row, "revoked_at"));
    }
}
