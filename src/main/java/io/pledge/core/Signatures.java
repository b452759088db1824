package io.pledge.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pledge's signed HTTP bodies, the same both ways (events it takes in, webhooks it sends): the request
 * carries {@code X-Pledge-Timestamp} (Unix seconds) and {@code X-Pledge-Signature: sha256=<hex>}, the
 * HMAC-SHA256 with the shared secret of {@code <timestamp>.<body>}. A receiver refuses a timestamp more
 * than five minutes away from its own clock, so a captured request cannot be replayed later.
 */
public final class Signatures {

    public static final String TIMESTAMP_HEADER = "X-Pledge-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Pledge-Signature";

    /** How far a timestamp may be from the receiver's clock, either way. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private Signatures() {}

    /** The {@code X-Pledge-Signature} value of this body: {@code sha256=} and the HMAC in lower-case hex. */
    public static String sign(String secret, String timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code X-Pledge-Signature} value of this body: {@code sha256=} and the HMAC in lower-case hex. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /**
     * Whether {@code header} is this body's signature: {@code sha256=} then the HMAC in hex (either case;
     * blanks around the hex are ignored). The comparison takes the same time wherever the bytes differ;
     * a missing, unprefixed or malformed header is refused.
     */
    public static boolean verifies(String secret, String timestamp, byte[] body, String header) {
        if (secret == null || timestamp == null || header == null || !header.startsWith(SCHEME)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp, body), given);
    }

    /** Whether {@code timestamp} is Unix seconds (blanks around it ignored) within {@link #MAX_AGE} of {@code now}. */
    public static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        return Math.abs(now.getEpochSecond() - seconds) <= MAX_AGE.getSeconds();
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
