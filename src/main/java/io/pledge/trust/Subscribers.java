package io.pledge.trust;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The subscribers of trust pages; callers hold the transaction. */
public interface Subscribers {

    /** Stores a new unconfirmed subscriber with the SHA-256 of its confirmation token. */
    void add(Subscriber subscriber, String confirmationSha256);

    /** The subscriber of a page with this kind and target, locked until the transaction ends. */
    Optional<Subscriber> lock(UUID page, Subscriber.Kind kind, String target);

    /** Asks an unconfirmed subscriber for confirmation again: a new token, contact and expiry. */
    void renew(UUID id, String email, String language, String confirmationSha256, Instant expiresAt);

    /** The unconfirmed subscriber whose confirmation token has this SHA-256, expired or not. */
    Optional<Subscriber> findByConfirmation(String sha256);

    /** Marks a subscriber confirmed (its confirmation token and expiry gone). */
    void confirm(UUID id, Instant at);

    Optional<Subscriber> findByUnsubscribe(String token);

    Optional<Subscriber> find(UUID id);

    boolean remove(UUID id);

    /** Removes the unconfirmed subscribers expired at {@code now}; says how many. */
    int removeExpired(Instant now);

    /** Confirmed subscribers of one page by kind. */
    Map<Subscriber.Kind, Long> counts(UUID page);
}
