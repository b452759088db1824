package io.pledge.trust;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident the MSP writes on a trust page, with its updates, oldest first.
 *
 * @param systems the monitors of the page's published systems it affects
 * @param resolvedAt when an update set it RESOLVED; null while it is current
 */
public record Incident(
        UUID id,
        UUID page,
        String title,
        Impact impact,
        Status status,
        List<UUID> systems,
        Instant startedAt,
        Instant resolvedAt,
        Instant updatedAt,
        List<Update> updates) {

    public Incident {
        systems = List.copyOf(systems);
        updates = List.copyOf(updates);
    }

    /** How much an incident hurts, as status pages say it. */
    public enum Impact {
        NONE,
        MINOR,
        MAJOR,
        CRITICAL
    }

    /** Where the work on an incident stands. */
    public enum Status {
        INVESTIGATING,
        IDENTIFIED,
        MONITORING,
        RESOLVED
    }

    /** One timestamped update: the status it set and what the MSP wrote. */
    public record Update(UUID id, Status status, String body, Instant at) {}

    public boolean current() {
        return status != Status.RESOLVED;
    }
}
