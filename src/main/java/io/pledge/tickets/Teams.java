package io.pledge.tickets;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored teams. */
public interface Teams {

    /** Adds a team; a conflict on {@code name} when another team has that name. */
    Team add(String name, String email);

    Optional<Team> find(UUID id);

    /** All teams, by name. */
    List<Team> all();

    /** Renames a team or changes its address; empty when no such team, a conflict when the name is taken. */
    Optional<Team> replace(UUID id, String name, String email);

    /**
     * Removes a team; a conflict when a technician belongs to it or a ticket is assigned to it, false when
     * there was none.
     */
    boolean remove(UUID id);
}
