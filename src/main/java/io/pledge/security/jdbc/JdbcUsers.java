package io.pledge.security.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.security.Role;
import io.pledge.security.User;
import io.pledge.security.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcUsers implements Users {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public User add(String email, String passwordHash, Role role, UUID clientId) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                        insert into app_user (id, email, password_hash, role, client_id, created_at)
                        values (:id, :email, :hash, :role, :client, :now)""")
                .param("id", id)
                .param("email", normalized)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("client", clientId)
                .param("now", Timestamps.utc(now))
                .update();
        return new User(id, normalized, passwordHash, role, clientId, 0, null, now);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select * from app_user where email = :email")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return jdbc.sql("select * from app_user where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<User> all() {
        return jdbc.sql("select * from app_user order by email")
                .query(this::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    @Override
    public Optional<User> changeRole(UUID id, Role role, UUID clientId) {
        jdbc.sql("update app_user set role = :role, client_id = :client where id = :id")
                .param("role", role.name())
                .param("client", clientId)
                .param("id", id)
                .update();
        return find(id);
    }

    @Override
    public Optional<User> signInFailed(String email, Instant now) {
        Optional<User> user = jdbc.sql("select * from app_user where email = :email for update")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(this::map)
                .optional();
        if (user.isEmpty()) {
            return user;
        }
        int failures = user.get().failedSignIns() + 1;
        Instant lockedUntil = user.get().lockedUntil();
        if (failures >= LOCK_AFTER) {
            long minutes = Math.min(60, 1L << Math.min(6, failures - LOCK_AFTER));
            lockedUntil = now.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MICROS);
        }
        jdbc.sql("update app_user set failed_sign_ins = :failures, locked_until = :locked where id = :id")
                .param("failures", failures)
                .param("locked", Timestamps.utc(lockedUntil))
                .param("id", user.get().id())
                .update();
        return find(user.get().id());
    }

    @Override
    public void signedIn(String email) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where email = :email"
                        + " and (failed_sign_ins > 0 or locked_until is not null)")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .update();
    }

    @Override
    public Optional<User> unlock(UUID id) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
        return find(id);
    }

    @Override
    public Optional<User> changePassword(UUID id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
        return find(id);
    }

    private User map(ResultSet row, int index) throws SQLException {
        return new User(
                row.getObject("id", UUID.class),
                row.getString("email"),
                row.getString("password_hash"),
                Role.valueOf(row.getString("role")),
                row.getObject("client_id", UUID.class),
                row.getInt("failed_sign_ins"),
                Timestamps.instant(row, "locked_until"),
                Timestamps.instant(row, "created_at"));
    }
}
