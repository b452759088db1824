package io.pledge.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in with an email and a password (kept only as a hash). A CLIENT user acts for
 * {@code clientId}. {@code failedSignIns} counts consecutive failures; the account is locked until
 * {@code lockedUntil}.
 */
public record User(
        UUID id,
        String email,
        String passwordHash,
        Role role,
        UUID clientId,
        int failedSignIns,
        Instant lockedUntil,
        Instant createdAt) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
