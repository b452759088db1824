package io.pledge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * {@code DatabaseWriteCeiling JDBC_URL USER [TICKETS EVENTS]}: the database alone, without Pledge. On
 * Pledge's schema (its Flyway migrations, on a fresh database), inserts as many tickets, clock rows
 * (two per ticket) and events as the 150,004-row import writes, in one transaction with JDBC batches of
 * 1,000, and times the inserts and the commit. Whatever Pledge does, an import that writes these rows
 * in one transaction cannot be faster than this.
 */
public final class DatabaseWriteCeiling {

    private DatabaseWriteCeiling() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int ticketCount = args.length > 2 ? Integer.parseInt(args[2]) : 28_109;
        int eventCount = args.length > 3 ? Integer.parseInt(args[3]) : 150_004;
        Flyway.configure().dataSource(url, args[1], "").load().migrate();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection(url, args[1], "")) {
            UUID client = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into client (id, name, slug, zone, created_at, updated_at) values (?, 'c', ?, 'UTC', ?, ?)")) {
                insert.setObject(1, client);
                insert.setString(2, "c-" + client);
                insert.setObject(3, now);
                insert.setObject(4, now);
                insert.executeUpdate();
            }
            connection.setAutoCommit(false);
            List<UUID> tickets = new ArrayList<>(ticketCount);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into ticket (id, client_id, priority, status, subject, source, external_id, created_at,"
                            + " updated_at, due_at, next_due_at, breached) values (?, ?, 'P3', 'RESOLVED', ?,"
                            + " 'servicenow/acme', ?, ?, ?, ?, null, false)")) {
                for (int i = 0; i < ticketCount; i++) {
                    UUID id = UUID.randomUUID();
                    tickets.add(id);
                    insert.setObject(1, id);
                    insert.setObject(2, client);
                    insert.setString(3, "Incident " + i);
                    insert.setString(4, "INC" + (1_000_000 + i));
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.setObject(7, now);
                    batch(insert, i);
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into ticket_clock (ticket_id, metric, state, priority, target_seconds, elapsed_seconds,"
                            + " cycle, due_at, next_due_at, breached_at, stopped_at, evaluated_at)"
                            + " values (?, ?, 'MET', 'P3', 28800, 3600, 1, ?, null, null, ?, ?)")) {
                int row = 0;
                for (UUID ticket : tickets) {
                    for (String metric : new String[] {"FIRST_RESPONSE", "RESOLUTION"}) {
                        insert.setObject(1, ticket);
                        insert.setString(2, metric);
                        insert.setObject(3, now);
                        insert.setObject(4, now);
                        insert.setObject(5, now);
                        batch(insert, row++);
                    }
                }
                insert.executeBatch();
            }
            long ticketsWritten = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into ticket_event (id, ticket_id, seq, type, at, status, status_label, source, event_id,"
                            + " recorded_at) values (?, ?, ?, 'STATUS_CHANGED', ?, 'IN_PROGRESS', 'In Progress',"
                            + " 'servicenow/acme', ?, ?)")) {
                for (int i = 0; i < eventCount; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, tickets.get(i % ticketCount));
                    insert.setLong(3, i / ticketCount + 1);
                    insert.setObject(4, now);
                    insert.setString(5, "INC" + (1_000_000 + i % ticketCount) + "/" + i);
                    insert.setObject(6, now);
                    batch(insert, i);
                }
                insert.executeBatch();
            }
            long eventsWritten = System.nanoTime();
            connection.commit();
            long committed = System.nanoTime();
            int rows = ticketCount * 3 + eventCount;
            System.out.printf(
                    "%,d tickets and %,d clock rows %,d ms, %,d events %,d ms, commit %,d ms: %,d rows in %,d ms%n",
                    ticketCount,
                    ticketCount * 2,
                    (ticketsWritten - start) / 1_000_000,
                    eventCount,
                    (eventsWritten - ticketsWritten) / 1_000_000,
                    (committed - eventsWritten) / 1_000_000,
                    rows,
                    (committed - start) / 1_000_000);
        }
    }

    private static void batch(PreparedStatement insert, int index) throws java.sql.SQLException {
        insert.addBatch();
        if (index % 1000 == 999) {
            insert.executeBatch();
        }
    }

}
