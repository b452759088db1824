package io.pledge.bench;

import io.pledge.tickets.TicketId;
import io.pledge.core.jdbc.BulkInsert;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code DatabaseWriteCeiling JDBC_URL USER [ROUNDS [COMMIT_EVERY [TICKETS EVENTS FILE_ROWS]]]}: the database
 * alone, without Pledge's reading, checking or clock computing. On Pledge's schema (its Flyway migrations),
 * inserts as many tickets, clock rows (two per ticket) and events as the 150,004-row import writes (or
 * as the counts given, such as those of the real-shaped file: 25,612 tickets and 116,629 events for
 * 150,005 rows; {@code COMMIT_EVERY} 0 is one transaction), through the importer's own
 * {@link BulkInsert} ({@code COPY} on PostgreSQL, JDBC batches of 1,000 on H2), in one transaction, and
 * times the inserts and the commit. Each round writes another client's tickets into the same database,
 * so later rounds run on compiled code, as in a long-running server. Whatever Pledge does before the
 * writes, an import that stores these rows in one transaction cannot be faster than this. With
 * {@code COMMIT_EVERY}, each table's rows go in chunks of that many, each committed: what an import in
 * many transactions would save, were it allowed to leave part of a file behind.
 */
public final class DatabaseWriteCeiling {

    /** The 150,004-row simple file's, unless given. */
    private static int ticketCount = 28_109;
    private static int eventCount = 150_004;
    private static int fileRows = 150_004;

    private DatabaseWriteCeiling() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int commitEvery = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (commitEvery <= 0) {
            commitEvery = Integer.MAX_VALUE;
        }
        if (args.length > 6) {
            ticketCount = Integer.parseInt(args[4]);
            eventCount = Integer.parseInt(args[5]);
            fileRows = Integer.parseInt(args[6]);
        }
        Flyway.configure().dataSource(url, args[1], "").load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, args[1], "", true);
        dataSource.setAutoCommit(false);
        try {
            BulkInsert bulk = new BulkInsert(dataSource, new JdbcTemplate(dataSource));
            Connection connection = dataSource.getConnection();
            for (int round = 1; round <= rounds; round++) {
                round(round, connection, new Writer(bulk, connection, commitEvery));
            }
        } finally {
            dataSource.destroy();
        }
    }

    private static void round(int round, Connection connection, Writer bulk) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID client = UUID.randomUUID();
        String source = "ceiling/" + client;
        new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                .update(
                        "insert into client (id, name, slug, zone, created_at, updated_at) values (?, ?, ?, 'UTC', ?, ?)",
                        client,
                        "Client " + client,
                        "c-" + client,
                        now,
                        now);
        connection.commit();

        long start = System.nanoTime();
        List<UUID> tickets = new ArrayList<>(ticketCount);
        List<Object[]> rows = new ArrayList<>(ticketCount);
        for (int i = 0; i < ticketCount; i++) {
            UUID id = TicketId.random().value();
            tickets.add(id);
            rows.add(new Object[] {
                id, client, "P3", "RESOLVED", "Incident " + i, source, "INC" + (1_000_000 + i), now, now, now, null, false
            });
        }
        bulk.insert(
                "ticket",
                List.of(
                        "id",
                        "client_id",
                        "priority",
                        "status",
                        "subject",
                        "source",
                        "external_id",
                        "created_at",
                        "updated_at",
                        "due_at",
                        "next_due_at",
                        "breached"),
                rows);
        rows = new ArrayList<>(ticketCount * 2);
        for (UUID ticket : tickets) {
            for (String metric : new String[] {"FIRST_RESPONSE", "RESOLUTION"}) {
                rows.add(new Object[] {
                    ticket, metric, "MET", "P3", 28_800L, 3_600L, 1, now, null, null, now, now, client, now, 0L, 0L, 0L
                });
            }
        }
        bulk.insert(
                "ticket_clock",
                List.of(
                        "ticket_id",
                        "metric",
                        "state",
                        "priority",
                        "target_seconds",
                        "elapsed_seconds",
                        "cycle",
                        "due_at",
                        "next_due_at",
                        "breached_at",
                        "stopped_at",
                        "evaluated_at",
                        "client_id",
                        "ticket_created_at",
                        "paused_customer_micros",
                        "paused_vendor_micros",
                        "paused_other_micros"),
                rows);
        long ticketsWritten = System.nanoTime();
        // As the importer writes them: each ticket's events together, in order.
        rows = new ArrayList<>(eventCount);
        int previous = -1;
        long seq = 0;
        for (int i = 0; i < eventCount; i++) {
            int ticket = (int) ((long) i * ticketCount / eventCount);
            seq = ticket == previous ? seq + 1 : 1;
            previous = ticket;
            rows.add(new Object[] {
                UUID.randomUUID(),
                tickets.get(ticket),
                seq,
                "STATUS_CHANGED",
                now,
                "IN_PROGRESS",
                "In Progress",
                source,
                "INC" + (1_000_000 + ticket) + "/" + seq,
                now
            });
        }
        bulk.insert(
                "ticket_event",
                List.of(
                        "id",
                        "ticket_id",
                        "seq",
                        "type",
                        "at",
                        "status",
                        "status_label",
                        "source",
                        "event_id",
                        "recorded_at"),
                rows);
        long eventsWritten = System.nanoTime();
        connection.commit();
        long committed = System.nanoTime();
        long total = committed - start;
        System.out.printf(
                "round %d: %,d tickets and %,d clock rows %,d ms, %,d events %,d ms, commit %,d ms: %,d ms in all,"
                        + " at most %,d rows/s for the %,d-row file%n",
                round,
                ticketCount,
                ticketCount * 2,
                (ticketsWritten - start) / 1_000_000,
                eventCount,
                (eventsWritten - ticketsWritten) / 1_000_000,
                (committed - eventsWritten) / 1_000_000,
                total / 1_000_000,
                fileRows * 1_000_000_000L / total,
                fileRows);
    }

    /** Inserts a table's rows in one piece, or in committed chunks. */
    private record Writer(BulkInsert bulk, Connection connection, int commitEvery) {

        void insert(String table, List<String> columns, List<Object[]> rows) throws java.sql.SQLException {
            if (commitEvery >= rows.size()) {
                bulk.insert(table, columns, rows);
                return;
            }
            for (int from = 0; from < rows.size(); from += commitEvery) {
                bulk.insert(table, columns, rows.subList(from, Math.min(rows.size(), from + commitEvery)));
                connection.commit();
            }
        }
    }
}
