package io.pledge.tickets;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who tickets are assigned to, as other modules need them: a technician or a team, with its address. */
@Component
@Transactional(readOnly = true)
public class Assignees {

    /** A technician or a team; {@code email} is null for a team without a shared address. */
    public record Assignee(UUID id, String name, String email) {}

    private final JdbcClient jdbc;

    Assignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Assignee> technician(UUID id) {
        return find("technician", id);
    }

    public Optional<Assignee> team(UUID id) {
        return find("team", id);
    }

    private Optional<Assignee> find(String table, UUID id) {
        return jdbc.sql("select id, name, email from " + table + " where id = :id")
                .param("id", id)
                .query((row, i) ->
                        new Assignee(row.getObject("id", UUID.class), row.getString("name"), row.getString("email")))
                .optional();
    }
}
