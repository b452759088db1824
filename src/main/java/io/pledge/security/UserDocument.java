package io.pledge.security;

/**
 * A new user as the API takes it: an email, a password (see {@link PasswordRules}), a role, and for a
 * CLIENT user the client it acts for (an id or a slug).
 */
public record UserDocument(String email, String password, String role, String client) {}
