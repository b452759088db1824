package io.pledge.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored users. Emails are unique, compared case-insensitively (stored lower-case). */
public interface Users {

    /** Failed sign-ins in a row after which an account is locked. */
    int LOCK_AFTER = 5;

    User add(String email, String passwordHash, Role role, UUID clientId);

    Optional<User> findByEmail(String email);

    Optional<User> find(UUID id);

    List<User> all();

    long count();

    /** Sets a user's role and client; empty when there is no such user. */
    Optional<User> changeRole(UUID id, Role role, UUID clientId);

    /**
     * Counts a failed sign-in. From the {@value #LOCK_AFTER}th in a row, the account is locked: one minute,
     * doubling with each further failure, up to an hour.
     */
    Optional<User> signInFailed(String email, Instant now);

    /** A successful sign-in: the count of failures starts again. */
    void signedIn(String email);

    /** Replaces a user's password hash; empty when there is no such user. */
    Optional<User> changePassword(UUID id, String passwordHash);

    /** Lifts a lock and forgets the failures. */
    Optional<User> unlock(UUID id);
}
