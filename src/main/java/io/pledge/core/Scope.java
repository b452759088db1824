package io.pledge.core;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose data a caller may read and write: every client's (the MSP's staff, and Pledge's own work), or
 * one client's (a client's contacts and integrations). Every read and write of client-owned data takes
 * one, so that the query itself is limited to the caller's client: an object of another client is not
 * found, exactly as an id that does not exist. Controllers receive the caller's scope as a parameter;
 * Pledge's own background work uses {@link #everything()} and says so where it does.
 *
 * <p>A client's scope also hides the MSP's internal text: notes and internal replies.
 */
public final class Scope {

    private static final Scope EVERYTHING = new Scope(null);

    private final UUID client;

    private Scope(UUID client) {
        this.client = client;
    }

    /** Every client's data, internal notes included: the MSP's staff and Pledge's own work. */
    public static Scope everything() {
        return EVERYTHING;
    }

    /** One client's data, without the MSP's internal text. */
    public static Scope client(UUID client) {
        return new Scope(Objects.requireNonNull(client, "client"));
    }

    /** The client this scope is limited to; empty for {@link #everything()}. */
    public Optional<UUID> client() {
        return Optional.ofNullable(client);
    }

    /** The client to limit a query to, or null when the query covers every client. */
    public UUID clientOrNull() {
        return client;
    }

    /** Whether this scope is limited to one client. */
    public boolean isClient() {
        return client != null;
    }

    /** Whether an object owned by {@code owner} is within this scope. */
    public boolean includes(UUID owner) {
        return client == null || client.equals(owner);
    }

    /** Whether the MSP's internal text (notes, internal replies) is within this scope. */
    public boolean seesInternalText() {
        return client == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scope scope && Objects.equals(client, scope.client);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(client);
    }

    @Override
    public String toString() {
        return client == null ? "everything" : "client " + client;
    }
}
