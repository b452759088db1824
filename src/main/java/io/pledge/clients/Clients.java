package io.pledge.clients;

import io.pledge.core.Scope;
import java.util.List;
import java.util.Optional;

/** The stored clients. Slugs are unique: adding or renaming to a taken slug is a conflict. */
public interface Clients {

    Client add(ClientDetails details);

    Optional<Client> find(ClientId id);

    Optional<Client> findBySlug(String slug);

    /** A client by id or by slug, as API paths address it. */
    default Optional<Client> findByReference(String reference) {
        try {
            return find(new ClientId(java.util.UUID.fromString(reference)));
        } catch (IllegalArgumentException notAnId) {
            return findBySlug(reference);
        }
    }

    /** A client by id or slug within the scope: another client is as unknown as one that does not exist. */
    default Optional<Client> findByReference(String reference, Scope scope) {
        return findByReference(reference)
                .filter(client -> scope.includes(client.id().value()));
    }

    /** All clients, by name. */
    List<Client> all();

    Optional<Client> replace(ClientId id, ClientDetails details);

    /** Removes a client without contracts; false when there was none. */
    boolean remove(ClientId id);
}
