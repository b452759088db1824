package io.pledge.clients.jdbc;

import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.Contact;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcClients implements Clients {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Client add(ClientDetails details) {
        requireFreeSlug(details.slug(), null);
        ClientId id = ClientId.random();
        OffsetDateTime now = Timestamps.utc(Timestamps.now(clock));
        try {
            jdbc.sql("""
                            insert into client (id, name, slug, zone, language, created_at, updated_at)
                            values (:id, :name, :slug, :zone, :language, :now, :now)""")
                    .param("id", id.value())
                    .param("name", details.name())
                    .param("slug", details.slug())
                    .param("zone", details.zone().getId())
                    .param("language", details.language())
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw slugTaken(details.slug());
        }
        insertContacts(id, details.contacts());
        return new Client(id, details, now.toInstant(), now.toInstant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Client> find(ClientId id) {
        return jdbc.sql("select * from client where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Client> findBySlug(String slug) {
        return jdbc.sql("select * from client where slug = :slug")
                .param("slug", slug)
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Client> all() {
        // Two queries whatever the number of clients: every contact, then every client.
        Map<UUID, List<Contact>> contacts = new HashMap<>();
        jdbc.sql("select client_id, name, email, phone, reports from client_contact order by client_id, position")
                .query((RowCallbackHandler) row -> contacts.computeIfAbsent(
                                row.getObject("client_id", UUID.class), any -> new ArrayList<>())
                        .add(contact(row)));
        return jdbc.sql("select * from client order by name, slug")
                .query((row, index) -> client(row, contacts.getOrDefault(row.getObject("id", UUID.class), List.of())))
                .list();
    }

    @Override
    public Optional<Client> replace(ClientId id, ClientDetails details) {
        requireFreeSlug(details.slug(), id);
        int updated;
        try {
            updated = jdbc.sql("""
                            update client set name = :name, slug = :slug, zone = :zone, language = :language,
                                updated_at = :now
                            where id = :id""")
                    .param("id", id.value())
                    .param("name", details.name())
                    .param("slug", details.slug())
                    .param("zone", details.zone().getId())
                    .param("language", details.language())
                    .param("now", Timestamps.utc(Timestamps.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw slugTaken(details.slug());
        }
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.sql("delete from client_contact where client_id = :id")
                .param("id", id.value())
                .update();
        insertContacts(id, details.contacts());
        return find(id);
    }

    @Override
    public boolean remove(ClientId id) {
        long contracts = jdbc.sql("select count(*) from contract where client_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
        if (contracts > 0) {
            throw new ConflictException("id", "the client has " + contracts + " contract(s); delete them first");
        }
        return jdbc.sql("delete from client where id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
    }

    private void requireFreeSlug(String slug, ClientId except) {
        findBySlug(slug).filter(existing -> !existing.id().equals(except)).ifPresent(existing -> {
            throw slugTaken(slug);
        });
    }

    private static ConflictException slugTaken(String slug) {
        return new ConflictException("slug", "slug \"" + slug + "\" is already taken by another client");
    }

    private void insertContacts(ClientId id, List<Contact> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            jdbc.sql("""
                            insert into client_contact (client_id, position, name, email, phone, reports)
                            values (:client, :position, :name, :email, :phone, :reports)""")
                    .param("client", id.value())
                    .param("position", i)
                    .param("name", contact.name())
                    .param("email", contact.email())
                    .param("phone", contact.phone())
                    .param("reports", contact.reports())
                    .update();
        }
    }

    private Client map(ResultSet row, int index) throws SQLException {
        List<Contact> contacts = jdbc.sql(
                        "select name, email, phone, reports from client_contact where client_id = :id order by position")
                .param("id", row.getObject("id", UUID.class))
                .query((r, i) -> contact(r))
                .list();
        return client(row, contacts);
    }

    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(
                row.getString("name"), row.getString("email"), row.getString("phone"), row.getBoolean("reports"));
    }

    private static Client client(ResultSet row, List<Contact> contacts) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        ClientDetails details = new ClientDetails(
                row.getString("name"),
                row.getString("slug"),
                ZoneId.of(row.getString("zone")),
                row.getString("language"),
                contacts);
        return new Client(
                new ClientId(id),
                details,
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }
}
