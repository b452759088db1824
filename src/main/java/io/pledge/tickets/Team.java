package io.pledge.tickets;

import java.util.UUID;

/** A team tickets can be assigned to; {@code email} is its shared address, null when it has none. */
public record Team(UUID id, String name, String email) {}
