package io.pledge.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One public answer rendered ahead: a page, a badge, a feed, a stylesheet. Requests only copy its bytes, gzipped
 * ahead as well for a browser that accepts it (a page of 90 daily bars per system shrinks about tenfold).
 *
 * @param etag a strong validator, quoted, from the bytes' digest
 * @param gzip the body gzipped; null when that would not save anything worth it
 * @param gzipEtag the gzipped representation's own validator
 */
public record PublicResource(byte[] body, String contentType, String etag, byte[] gzip, String gzipEtag) {

    /** Bodies shorter than this go out as they are. */
    static final int GZIP_FROM = 1024;

    public static PublicResource of(byte[] body, String contentType) {
        String digest = digest(body);
        byte[] gzip = body.length >= GZIP_FROM ? gzip(body) : null;
        return new PublicResource(
                body, contentType, "\"" + digest + "\"", gzip, gzip == null ? null : "\"" + digest + "-gz\"");
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
