package io.pledge.clients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored tiers and their policy versions. Tier names are unique. */
public interface Tiers {

    /** Creates a tier with policy version 1, in force from now. */
    Tier add(String name, String description, PolicyTerms terms, String author);

    Optional<Tier> find(TierId id);

    /** All tiers, by name. */
    List<Tier> all();

    Optional<Tier> rename(TierId id, String name, String description);

    /** Saves the next policy version, in force from now; empty when no such tier. */
    Optional<TierPolicy> revise(TierId id, PolicyTerms terms, String author);

    /** Every version, oldest first (empty when no such tier). */
    List<TierPolicy> versions(TierId id);

    Optional<TierPolicy> version(TierId id, int version);

    /**
     * The version in force at an instant: the latest whose {@code effectiveFrom} is not after it, or the
     * first version for instants before it (history imported from before the tier existed).
     */
    Optional<TierPolicy> policyAt(TierId id, Instant at);

    /** Removes a tier no contract uses; false when there was none. */
    boolean remove(TierId id);
}
