package io.pledge.clients;

import io.pledge.core.ClientOwned;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A client, by id or slug, belongs to itself. */
@Component
class ClientOwners implements ClientOwned {

    private final Clients clients;

    ClientOwners(Clients clients) {
        this.clients = clients;
    }

    @Override
    public String collection() {
        return "clients";
    }

    @Override
    public Optional<UUID> ownerOf(String key) {
        return clients.findByReference(key).map(client -> client.id().value());
    }
}
