package io.pledge.tickets.jdbc;

import io.pledge.core.ClientOwned;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whose ticket an id names. */
@Component
class TicketOwners implements ClientOwned {

    private final JdbcClient jdbc;

    TicketOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String collection() {
        return "tickets";
    }

    @Override
    public Optional<UUID> ownerOf(String key) {
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return jdbc.sql("select client_id from ticket where id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }
}
