package io.pledge.core;

import java.util.Optional;
import java.util.UUID;

/**
 * A kind of resource that belongs to one client, as addressed in API paths. The module that owns the
 * resource says whose it is; access control asks, so that a client's users reach their own and nothing
 * else.
 */
public interface ClientOwned {

    /** The resource's collection in API paths: {@code tickets} for {@code /api/v1/tickets/{id}}. */
    String collection();

    /** The client owning the resource this path segment names (an id, or a slug); empty when none exists. */
    Optional<UUID> ownerOf(String key);
}
