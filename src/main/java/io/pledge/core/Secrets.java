package io.pledge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random secrets Pledge hands out once (API tokens, source and webhook secrets, heartbeat tokens and
 * inbound secrets, the first administrator's password) and the SHA-256 under which those it looks up are
 * stored. Every secret is random bytes from one {@link SecureRandom} in URL-safe Base64 without padding,
 * so it fits a URL path, a header or a shell argument as it is.
 */
public final class Secrets {

    /** 256 random bits: 43 characters after the prefix. */
    public static final int SECRET_BYTES = 32;

    /** 144 random bits: 24 characters, typed once by a person and then changed. */
    public static final int PASSWORD_BYTES = 18;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret of 256 random bits. */
    public static String newSecret() {
        return newSecret("");
    }

    /** A new secret of 256 random bits after {@code prefix} (say {@code plg_}, to tell it apart). */
    public static String newSecret(String prefix) {
        return prefix + random(SECRET_BYTES);
    }

    /** A new generated password of 144 random bits. */
    public static String newPassword() {
        return random(PASSWORD_BYTES);
    }

    /**
     * The SHA-256 of a secret's UTF-8 bytes, in lower-case hex: what is stored of a secret of this
     * entropy (a slow password hash adds nothing to it and would slow every call).
     */
    public static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
