package io.pledge.tickets.web;

import io.pledge.core.NotFoundException;
import io.pledge.core.Violations;
import io.pledge.tickets.Team;
import io.pledge.tickets.Teams;
import io.pledge.tickets.Technician;
import io.pledge.tickets.Technicians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final Teams teams;
    private final Technicians technicians;

    TeamController(Teams teams, Technicians technicians) {
        this.teams = teams;
        this.technicians = technicians;
    }

    @PostMapping("/api/v1/teams")
    @Operation(summary = "Create a team (unique name, optional shared email address)")
    ResponseEntity<TeamView> createTeam(@RequestBody TeamView request) {
        TeamView team = valid(request);
        Team added = teams.add(team.name(), team.email());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + added.id())).body(TeamView.of(added));
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "List teams by name")
    List<TeamView> teams() {
        return teams.all().stream().map(TeamView::of).toList();
    }

    @PostMapping("/api/v1/technicians")
    @Operation(summary = "Create a technician (unique email, optional team)")
    ResponseEntity<TechnicianView> createTechnician(@RequestBody TechnicianView request) {
        TechnicianView technician = valid(request);
        Technician added = technicians.add(technician.name(), technician.email(), technician.teamId());
        return ResponseEntity.created(URI.create("/api/v1/technicians/" + added.id()))
                .body(TechnicianView.of(added));
    }

    @GetMapping("/api/v1/technicians")
    @Operation(summary = "List technicians by name")
    List<TechnicianView> technicians() {
        return technicians.all().stream().map(TechnicianView::of).toList();
    }

    @PutMapping("/api/v1/teams/{id}")
    @Operation(summary = "Rename a team or change its email address")
    TeamView updateTeam(@PathVariable UUID id, @RequestBody TeamView request) {
        TeamView team = valid(request);
        return teams.replace(id, team.name(), team.email())
                .map(TeamView::of)
                .orElseThrow(() -> new NotFoundException("team", id));
    }

    @DeleteMapping("/api/v1/teams/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team no technician belongs to and no ticket is assigned to")
    void deleteTeam(@PathVariable UUID id) {
        if (!teams.remove(id)) {
            throw new NotFoundException("team", id);
        }
    }

    @PutMapping("/api/v1/technicians/{id}")
    @Operation(summary = "Change a technician's name, email or team")
    TechnicianView updateTechnician(@PathVariable UUID id, @RequestBody TechnicianView request) {
        TechnicianView technician = valid(request);
        return technicians
                .replace(id, technician.name(), technician.email(), technician.teamId())
                .map(TechnicianView::of)
                .orElseThrow(() -> new NotFoundException("technician", id));
    }

    @DeleteMapping("/api/v1/technicians/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a technician no ticket is assigned to")
    void deleteTechnician(@PathVariable UUID id) {
        if (!technicians.remove(id)) {
            throw new NotFoundException("technician", id);
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

    /** The technician's fields checked: a name, an email address (the team is checked where it is stored). */
    private static TechnicianView valid(TechnicianView request) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 200);
        String email = email(violations, request.email(), true);
        violations.throwIfAny();
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

    record TeamView(UUID id, String name, String email) {
        static TeamView of(Team team) {
            return new TeamView(team.id(), team.name(), team.email());
        }
    }

    record TechnicianView(UUID id, String name, String email, UUID teamId) {
        static TechnicianView of(Technician technician) {
            return new TechnicianView(technician.id(), technician.name(), technician.email(), technician.teamId());
        }
    }
}
