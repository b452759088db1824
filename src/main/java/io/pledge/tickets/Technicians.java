package io.pledge.tickets;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored technicians. */
public interface Technicians {

    /**
     * Adds a technician; unprocessable on {@code teamId} when the team does not exist, a conflict on
     * {@code email} when another technician has that address.
     */
    Technician add(String name, String email, UUID teamId);

    Optional<Technician> find(UUID id);

    /** All technicians, by name. */
    List<Technician> all();

    /**
     * Changes a technician's name, address or team; empty when no such technician, with the same checks as
     * {@link #add}.
     */
    Optional<Technician> replace(UUID id, String name, String email, UUID teamId);

    /** Removes a technician; a conflict when a ticket is assigned to them, false when there was none. */
    boolean remove(UUID id);
}
