package io.pledge.security;

import io.pledge.core.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens. A token is {@code plg_} followed by 256 random bits; only its SHA-256 is stored (a
 * slow password hash adds nothing to a secret of that entropy and would slow every call).
 */
public interface ApiTokens {

    String SECRET_PREFIX = "plg_";

    /** Creates a token with a fresh random secret; {@code clientId} for a CLIENT token only. */
    IssuedToken issue(String name, Role role, UUID clientId, String createdBy, Instant expiresAt);

    /** Stores a token whose secret was chosen elsewhere (the bootstrap token). */
    ApiToken register(String secret, String name, Role role, String createdBy);

    /** The active token with this secret, recording its use. */
    Optional<ApiToken> authenticate(String secret, Instant now);

    List<ApiToken> all();

    Optional<ApiToken> find(UUID id);

    /** Revokes a token; empty when there is none. Revoking twice keeps the first instant. */
    Optional<ApiToken> revoke(UUID id, Instant now);

    static String newSecret() {
        return Secrets.newSecret(SECRET_PREFIX);
    }

    static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    /** What is shown of a token in lists: enough to recognise it, far too little to use it. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), SECRET_PREFIX.length() + 6));
    }
}
