package io.pledge.tickets;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.Tiers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog as one batch of new tickets sees it (an ingest group, an import): each client, its
 * contracts and each tier's policy versions read once, however many tickets need them.
 */
public final class CatalogMemo {

    private final Clients clients;
    private final Contracts contracts;
    private final Tiers tiers;
    private final Map<String, Optional<Client>> clientsByRef = new HashMap<>();
    private final Map<UUID, List<Contract>> contractsByClient = new HashMap<>();
    private final Map<TierId, List<TierPolicy>> versionsByTier = new HashMap<>();

    CatalogMemo(Clients clients, Contracts contracts, Tiers tiers) {
        this.clients = clients;
        this.contracts = contracts;
        this.tiers = tiers;
    }

    /** A client by id or slug. */
    public Optional<Client> client(String reference) {
        return clientsByRef.computeIfAbsent(reference, clients::findByReference);
    }

    /** The client's contract in force on the date {@code at} falls on in the client's zone, if any. */
    public Contract contractAt(Client client, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, client.details().zone());
        return contractsByClient.computeIfAbsent(client.id().value(), id -> contracts.of(client.id())).stream()
                .filter(contract -> contract.terms().covers(date))
                .findFirst()
                .orElse(null);
    }

    /** The tier's policy version in force at {@code at}; version 1 for an instant before it existed. */
    public TierPolicy policyAt(TierId tier, Instant at) {
        List<TierPolicy> versions = versionsByTier.computeIfAbsent(tier, tiers::versions);
        TierPolicy inForce = versions.get(0);
        for (TierPolicy version : versions) {
            if (!version.effectiveFrom().isAfter(at)) {
                inForce = version;
            }
        }
        return inForce;
    }
}
