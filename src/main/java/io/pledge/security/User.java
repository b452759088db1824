package io.pledge.security;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in with an email and a password (kept only as a hash). */
public record User(UUID id, String email, String passwordHash, Role role, Instant createdAt) {}
