package io.pledge.trust;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The incidents written on trust pages, with their updates. */
public interface Incidents {

    /** Stores a new incident with its first update. */
    void add(Incident incident);

    /** Appends an update and sets the incident's status (and resolution instant) from it. */
    void addUpdate(UUID incident, Incident.Update update, Instant resolvedAt);

    /** An incident of a page. */
    Optional<Incident> find(UUID page, UUID incident);

    /** A page's incidents started since {@code since} and those still current, newest first. */
    List<Incident> of(UUID page, Instant since);

    boolean remove(UUID page, UUID incident);
}
