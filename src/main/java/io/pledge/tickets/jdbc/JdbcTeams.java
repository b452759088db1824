package io.pledge.tickets.jdbc;

import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.Team;
import io.pledge.tickets.Teams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Teams in the {@code team} table; the name is unique. */
@Repository
@Transactional
class JdbcTeams implements Teams {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcTeams(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Team add(String name, String email) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into team (id, name, email, created_at) values (:id, :name, :email, :now)")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return new Team(id, name, email);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Team> find(UUID id) {
        return jdbc.sql("select id, name, email from team where id = :id")
                .param("id", id)
                .query(JdbcTeams::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Team> all() {
        return jdbc.sql("select id, name, email from team order by name")
                .query(JdbcTeams::map)
                .list();
    }

    @Override
    public Optional<Team> replace(UUID id, String name, String email) {
        int updated;
        try {
            updated = jdbc.sql("update team set name = :name, email = :email where id = :id")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return updated == 0 ? Optional.empty() : Optional.of(new Team(id, name, email));
    }

    @Override
    public boolean remove(UUID id) {
        Unused.require(
                jdbc, "team", id, "select count(*) from technician where team_id = :id", "technician(s) belong to it");
        Unused.require(
                jdbc,
                "team",
                id,
                "select count(*) from ticket where assignee_team_id = :id",
                "ticket(s) are assigned to it");
        return jdbc.sql("delete from team where id = :id").param("id", id).update() > 0;
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "a team named \"" + name + "\" already exists");
    }

    private static Team map(ResultSet row, int i) throws SQLException {
        return new Team(row.getObject("id", UUID.class), row.getString("name"), row.getString("email"));
    }
}
