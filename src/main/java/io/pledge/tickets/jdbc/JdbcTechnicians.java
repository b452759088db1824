package io.pledge.tickets.jdbc;

import io.pledge.core.ConflictException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.Technician;
import io.pledge.tickets.Technicians;
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

/** Technicians in the {@code technician} table; the email address is unique, the team optional. */
@Repository
@Transactional
class JdbcTechnicians implements Technicians {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcTechnicians(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Technician add(String name, String email, UUID teamId) {
        requireKnownTeam(teamId);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into technician (id, name, email, team_id, created_at)
                            values (:id, :name, :email, :team, :now)""")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("team", teamId)
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken(email);
        }
        return new Technician(id, name, email, teamId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Technician> find(UUID id) {
        return jdbc.sql("select id, name, email, team_id from technician where id = :id")
                .param("id", id)
                .query(JdbcTechnicians::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Technician> all() {
        return jdbc.sql("select id, name, email, team_id from technician order by name")
                .query(JdbcTechnicians::map)
                .list();
    }

    @Override
    public Optional<Technician> replace(UUID id, String name, String email, UUID teamId) {
        requireKnownTeam(teamId);
        int updated;
        try {
            updated = jdbc.sql("update technician set name = :name, email = :email, team_id = :team where id = :id")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("team", teamId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken(email);
        }
        return updated == 0 ? Optional.empty() : Optional.of(new Technician(id, name, email, teamId));
    }

    @Override
    public boolean remove(UUID id) {
        Unused.require(
                jdbc,
                "technician",
                id,
                "select count(*) from ticket where assignee_technician_id = :id",
                "ticket(s) are assigned to them");
        return jdbc.sql("delete from technician where id = :id").param("id", id).update() > 0;
    }

    private void requireKnownTeam(UUID teamId) {
        if (teamId != null
                && jdbc.sql("select count(*) from team where id = :id")
                                .param("id", teamId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw new UnprocessableException("teamId", "unknown team " + teamId);
        }
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("email", "a technician with email " + email + " already exists");
    }

    private static Technician map(ResultSet row, int i) throws SQLException {
        return new Technician(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("email"),
                row.getObject("team_id", UUID.class));
    }
}
