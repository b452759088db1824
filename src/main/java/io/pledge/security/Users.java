package io.pledge.security;

import java.util.Optional;

/** The stored users. Emails are unique, compared case-insensitively (stored lower-case). */
public interface Users {

    User add(String email, String passwordHash, Role role);

    Optional<User> findByEmail(String email);

    long count();
}
