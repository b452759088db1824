package io.pledge.tickets.web;

import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Teams and technicians", description = "Who tickets are assigned to: create, list, update, delete")
class TeamController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/v1/teams")
    @Operation(summary = "Create a team (unique name, optional shared email address)")
    @Transactional
    ResponseEntity<TeamView> createTeam(@RequestBody TeamView request) {
        TeamView team = valid(request);
        String name = team.name();
        String email = team.email();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into team (id, name, email, created_at) values (:id, :name, :email, :now)")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a team named \"" + name + "\" already exists");
        }
        return ResponseEntity.created(URI.create("/api/v1/teams/" + id)).body(new TeamView(id, name, email));
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "List teams by name")
    List<TeamView> teams() {
        return jdbc.sql("select id, name, email from team order by name")
                .query((row, i) ->
                        new TeamView(row.getObject("id", UUID.class), row.getString("name"), row.getString("email")))
                .list();
    }

    @PostMapping("/api/v1/technicians")
    @Operation(summary = "Create a technician (unique email, optional team)")
    @Transactional
    ResponseEntity<TechnicianView> createTechnician(@RequestBody TechnicianView request) {
        TechnicianView technician = valid(request);
        String name = technician.name();
        String email = technician.email();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into technician (id, name, email, team_id, created_at)
                            values (:id, :name, :email, :team, :now)""")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("team", request.teamId())
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "a technician with email " + email + " already exists");
        }
        return ResponseEntity.created(URI.create("/api/v1/technicians/" + id))
                .body(new TechnicianView(id, name, email, request.teamId()));
    }

    @GetMapping("/api/v1/technicians")
    @Operation(summary = "List technicians by name")
    List<TechnicianView> technicians() {
        return jdbc.sql("select id, name, email, team_id from technician order by name")
                .query((row, i) -> new TechnicianView(
                        row.getObject("id", UUID.class),
                        row.getString("name"),
                        row.getString("email"),
                        row.getObject("team_id", UUID.class)))
                .list();
    }

    @PutMapping("/api/v1/teams/{id}")
    @Operation(summary = "Rename a team or change its email address")
    @Transactional
    TeamView updateTeam(@PathVariable UUID id, @RequestBody TeamView request) {
        TeamView team = valid(request);
        String name = team.name();
        String email = team.email();
        try {
            int updated = jdbc.sql("update team set name = :name, email = :email where id = :id")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .update();
            if (updated == 0) {
                throw new NotFoundException("team", id);
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a team named \"" + name + "\" already exists");
        }
        return new TeamView(id, name, email);
    }

    @DeleteMapping("/api/v1/teams/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team no technician belongs to and no ticket is assigned to")
    @Transactional
    void deleteTeam(@PathVariable UUID id) {
        requireUnused("team", id, "select count(*) from technician where team_id = :id", "technician(s) belong to it");
        requireUnused(
                "team", id, "select count(*) from ticket where assignee_team_id = :id", "ticket(s) are assigned to it");
        if (jdbc.sql("delete from team where id = :id").param("id", id).update() == 0) {
            throw new NotFoundException("team", id);
        }
    }

    @PutMapping("/api/v1/technicians/{id}")
    @Operation(summary = "Change a technician's name, email or team")
    @Transactional
    TechnicianView updateTechnician(@PathVariable UUID id, @RequestBody TechnicianView request) {
        TechnicianView technician = valid(request);
        String name = technician.name();
        String email = technician.email();
        try {
            int updated = jdbc.sql("update technician set name = :name, email = :email, team_id = :team where id = :id")
                    .param("id", id)
                    .param("name", name)
                    .param("email", email)
                    .param("team", request.teamId())
                    .update();
            if (updated == 0) {
                throw new NotFoundException("technician", id);
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "a technician with email " + email + " already exists");
        }
        return new TechnicianView(id, name, email, request.teamId());
    }

    @DeleteMapping("/api/v1/technicians/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a technician no ticket is assigned to")
    @Transactional
    void deleteTechnician(@PathVariable UUID id) {
        requireUnused(
                "technician",
                id,
                "select count(*) from ticket where assignee_technician_id = :id",
                "ticket(s) are assigned to them");
        if (jdbc.sql("delete from technician where id = :id").param("id", id).update() == 0) {
            throw new NotFoundException("technician", id);
        }
    }

    private void requireUnused(String kind, UUID id, String countSql, String what) {
        long count = jdbc.sql(countSql).param("id", id).query(Long.class).single();
        if (count > 0) {
            throw new ConflictException("id", "the " + kind + " cannot be deleted: " + count + " " + what);
        }
    }

    /** The team's fields checked: a name, an optional email address. */
    private static TeamView valid(TeamView request) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 200);
        String email = email(violations, request.email(), false);
        violations.throwIfAny();
        return new TeamView(request.id(), name, email);
    }

    /** The technician's fields checked: a name, an email address, an existing team if any. */
    private TechnicianView valid(TechnicianView request) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 200);
        String email = email(violations, request.email(), true);
        violations.throwIfAny();
        if (request.teamId() != null
                && jdbc.sql("select count(*) from team where id = :id")
                                .param("id", request.teamId())
                                .query(Long.class)
                                .single()
                        == 0) {
            throw new UnprocessableException("teamId", "unknown team " + request.teamId());
        }
        return new TechnicianView(request.id(), name, email, request.teamId());
    }

    private static String email(Violations violations, String value, boolean required) {
        String email = required ? violations.text("email", value, 320) : violations.optionalText("email", value, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add("email", "\"" + email + "\" is not a valid email address");
            return null;
        }
        return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    record TeamView(UUID id, String name, String email) {}

    record TechnicianView(UUID id, String name, String email, UUID teamId) {}
}
