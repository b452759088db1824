package io.pledge.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of an audit chain. Its hash is the SHA-256, in lower-case hex, of the UTF-8 bytes of
 * {@link #canonical()}: the previous entry's hash and each field, one per line, in a fixed order. The
 * first entry of a chain follows {@link #GENESIS}.
 */
public record AuditEntry(
        String chain,
        long seq,
        Instant at,
        String actor,
        String action,
        String subject,
        String details,
        String prevHash,
        String hash) {

    /** What the first entry of every chain follows: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** A new entry after {@code prevHash}, its hash computed. */
    public static AuditEntry next(
            String chain,
            long seq,
            Instant at,
            String actor,
            String action,
            String subject,
            String details,
            String prevHash) {
        Instant instant = at.truncatedTo(ChronoUnit.MICROS);
        AuditEntry unhashed = new AuditEntry(chain, seq, instant, actor, action, subject, details, prevHash, null);
        return new AuditEntry(
                chain, seq, instant, actor, action, subject, details, prevHash, sha256(unhashed.canonical()));
    }

    /**
     * The text hashed: {@code pledge-audit-v1}, then previous hash, chain, sequence number, instant,
     * actor, action, subject and details (empty when none), each on its own line ending in {@code \n}.
     * Line breaks inside a field are written {@code \n} and backslashes {@code \\}, so that fields
     * cannot run into each other. The instant is truncated to the microsecond and written by {@link
     * DateTimeFormatter#ISO_INSTANT}: UTC, its fraction in groups of three digits, only as many as it needs
     * ({@code 10:15:30Z}, {@code 10:15:30.120Z}, {@code 10:15:30.123450Z}), the same string as the entry's
     * {@code at} in JSON. Every stored chain is hashed so: this form must never change.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder(256);
        line(text, "pledge-audit-v1");
        line(text, prevHash);
        line(text, chain);
        line(text, Long.toString(seq));
        line(text, DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS)));
        line(text, actor);
        line(text, action);
        line(text, subject);
        line(text, details == null ? "" : details);
        return text.toString();
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean hashMatches() {
        return sha256(canonical()).equals(hash);
    }

    private static void line(StringBuilder text, String field) {
        text.append(field.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                .append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
