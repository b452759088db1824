package io.pledge.tickets;

import java.util.UUID;

/** A technician tickets can be assigned to; {@code teamId} is null when they belong to no team. */
public record Technician(UUID id, String name, String email, UUID teamId) {}
