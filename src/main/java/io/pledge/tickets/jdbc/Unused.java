package io.pledge.tickets.jdbc;

import io.pledge.core.ConflictException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The check before deleting a team or a technician: nothing may still refer to it. */
final class Unused {

    private Unused() {}

    /** A conflict on {@code id} when {@code countSql} counts rows that still refer to the {@code kind}. */
    static void require(JdbcClient jdbc, String kind, UUID id, String countSql, String what) {
        long count = jdbc.sql(countSql).param("id", id).query(Long.class).single();
        if (count > 0) {
            throw new ConflictException("id", "the " + kind + " cannot be deleted: " + count + " " + what);
        }
    }
}
