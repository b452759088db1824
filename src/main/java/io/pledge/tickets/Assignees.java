package io.pledge.tickets;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who tickets are assigned to, as other modules need them: a technician or a team, with its address. */
@Component
public class Assignees {

    /** A technician or a team; {@code email} is null for a team without a shared address. */
    public record Assignee(UUID id, String name, String email) {}

    private final Technicians technicians;
    private final Teams teams;

    Assignees(Technicians technicians, Teams teams) {
        this.technicians = technicians;
        this.teams = teams;
    }

    public Optional<Assignee> technician(UUID id) {
        return technicians.find(id).map(t -> new Assignee(t.id(), t.name(), t.email()));
    }

    public Optional<Assignee> team(UUID id) {
        return teams.find(id).map(t -> new Assignee(t.id(), t.name(), t.email()));
    }
}
