package io.pledge.security.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.security.Role;
import io.pledge.security.User;
import io.pledge.security.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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
    public User add(String email, String passwordHash, Role role) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                        insert into app_user (id, email, password_hash, role, created_at)
                        values (:id, :email, :hash, :role, :now)""")
                .param("id", id)
                .param("email", normalized)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", Timestamps.utc(now))
                .update();
        return new User(id, normalized, passwordHash, role, now);
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
    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private User map(ResultSet row, int index) throws SQLException {
        return new User(
                row.getObject("id", UUID.class),
                row.getString("email"),
                row.getString("password_hash"),
                Role.valueOf(row.getString("role")),
                Timestamps.instant(row, "created_at"));
    }
}
