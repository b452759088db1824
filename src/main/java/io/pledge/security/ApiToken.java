package io.pledge.security;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as stored: never the secret itself, only its hash elsewhere and a short prefix that
 * lets people recognise it in a list. {@code clientId} is the client a {@link Role#CLIENT} token acts
 * for (it sees that client's data only); null for the other roles.
 */
public record ApiToken(
        UUID id,
        String name,
        String prefix,
        Role role,
        UUID clientId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
