package io.pledge.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code timestamp with time zone} columns the same way on H2 and PostgreSQL:
 * bound as UTC {@link OffsetDateTime}, read back through {@code getObject(column, OffsetDateTime)}.
 * Both databases keep microseconds, so instants are truncated to microseconds before they are
 * stored: what a repository returns after a write equals what it reads back later.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The clock's current instant at the precision the database stores. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            return null;
        }
        // Not OffsetDateTime.ofInstant: on Java 17 it builds the offset's ZoneRules anew on every call.
        int nanos = instant.getNano() / 1_000 * 1_000;
        return OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), nanos, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * A value as both databases' drivers bind it: an instant as its UTC {@link OffsetDateTime} (the
     * PostgreSQL driver binds no {@link Instant}), anything else as it is.
     */
    public static Object bindable(Object value) {
        return value instanceof Instant instant ? utc(instant) : value;
    }

    /** The column's instant, or null for SQL NULL. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
