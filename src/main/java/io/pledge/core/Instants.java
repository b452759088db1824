package io.pledge.core;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants as requests carry them: ISO-8601 with an offset ({@code Z}, {@code +01:00}). */
public final class Instants {

    public static final String WHAT = "instant (ISO-8601 with offset, such as 2026-03-27T16:00:00Z)";

    private Instants() {}

    public static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
