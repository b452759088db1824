package io.pledge.trust;

import io.pledge.clients.ClientId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored trust pages with their published systems and figures. */
public interface TrustPages {

    /**
     * Stores a new page.
     *
     * @throws io.pledge.core.ConflictException when its slug is taken or its owner (the MSP or its client) has a
     *     page already
     */
    void add(TrustPage page);

    /**
     * Replaces a page's settings, systems and figures (client and creation stay).
     *
     * @throws io.pledge.core.ConflictException when its new slug is taken
     */
    boolean replace(TrustPage page);

    Optional<TrustPage> find(UUID id);

    /** The page of a client, or the MSP's page for null. */
    Optional<TrustPage> findByOwner(ClientId client);

    Optional<TrustPage> findBySlug(String slug);

    /** Every page, the MSP's first, then by slug. */
    List<TrustPage> all();

    boolean remove(UUID id);
}
