package io.pledge.clients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored contracts. A client has at most one contract in force at any instant: adding or changing
 * a contract so that its dates overlap another of the same client is a
 * {@link io.pledge.core.ConflictException}, checked under a lock on the client so that two concurrent
 * requests cannot both pass.
 */
public interface Contracts {

    Contract add(ClientId client, ContractTerms terms);

    Optional<Contract> find(ContractId id);

    /** A client's contracts, by start date. */
    List<Contract> of(ClientId client);

    /** The client's contract in force at an instant (dates read in the client's zone). */
    Optional<Contract> inForce(ClientId client, Instant at);

    Optional<Contract> replace(ContractId id, ContractTerms terms);

    boolean remove(ContractId id);
}
