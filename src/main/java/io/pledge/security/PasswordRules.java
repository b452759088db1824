package io.pledge.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 12 characters, not made of the account's email, not a single
 * repeated character, and not one of the passwords every attacker tries first.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = Set.of(
            "password1234",
            "password12345",
            "123456789012",
            "1234567890123",
            "qwertyuiopas",
            "qwerty123456",
            "administrator",
            "letmein12345",
            "welcome12345",
            "changeme1234",
            "iloveyou1234",
            "passw0rd1234",
            "abcdefghijkl",
            "azertyuiopqs",
            "motdepasse12");

    private PasswordRules() {}

    /** Why this password is refused; empty when it is acceptable. */
    public static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters");
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && lower.contains(local)) {
                problems.add("must not contain the email's name");
            }
        }
        if (password.chars().distinct().count() == 1) {
            problems.add("must not be one character repeated");
        }
        if (COMMON.contains(lower)) {
            problems.add("is one of the most common passwords");
        }
        return problems;
    }
}
