package io.pledge.core;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs, version 7 of RFC 9562: the first 48 bits are the Unix time in milliseconds, the
 * last 74 bits after the version and variant are random. Ids created one after the other sort one after
 * the other (to the millisecond) in both databases' uuid order, so a primary key's index grows at its
 * end instead of at random places: fewer pages touched per insert. The random bits come from a
 * {@link SecureRandom}, so ids stay as hard to guess as {@link UUID#randomUUID()}'s.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {}

    /** A new version 7 UUID for the current time. */
    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    /** A new version 7 UUID for this Unix time in milliseconds. */
    static UUID timeOrdered(long unixMillis) {
        long random = RANDOM.nextLong();
        long high = (unixMillis << 16) | 0x7000L | (random & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
