package io.pledge.clients;

import java.time.Instant;

/** A company the MSP serves: a tenant, whose data no other client may see. */
public record Client(ClientId id, ClientDetails details, Instant createdAt, Instant updatedAt) {

    public String slug() {
        return details.slug();
    }

    public String name() {
        return details.name();
    }
}
