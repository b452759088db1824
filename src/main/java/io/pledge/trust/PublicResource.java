package io.pledge.trust;

/**
 * One public answer rendered ahead: a page, a badge, a feed, a stylesheet. Requests only copy its bytes.
 *
 * @param etag a strong validator, quoted, from the bytes' digest
 */
public record PublicResource(byte[] body, String contentType, String etag) {

    public static PublicResource of(byte[] body, String contentType) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return new PublicResource(
                    body, contentType, "\"" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
