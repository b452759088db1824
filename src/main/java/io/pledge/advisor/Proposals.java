package io.pledge.advisor;

import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The saved policy proposals. */
public interface Proposals {

    Proposal add(TierId tier, String name, PolicyTerms terms, String author);

    Optional<Proposal> find(UUID id);

    /** Every proposal, newest first. */
    List<Proposal> all();

    /**
     * Records that a proposal became a policy version, once: false when it had already been adopted (the
     * row is locked meanwhile, so two adoptions cannot both pass).
     */
    boolean adopted(UUID id, int version);

    /** Locks a proposal's row until the transaction ends; empty when there is none. */
    Optional<Proposal> lock(UUID id);
}
