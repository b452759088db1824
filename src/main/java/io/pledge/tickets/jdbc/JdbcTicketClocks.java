package io.pledge.tickets.jdbc;

import io.pledge.core.jdbc.BulkInsert;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.SlaClock;
import io.pledge.tickets.ClockRecords.Paused;
import io.pledge.tickets.DeskChanges;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketClocks;
import io.pledge.tickets.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Clock rows in {@code ticket_clock}, with the ticket's client, tier, creation instant, policy version and
 * calendar and the clock's pause time by reason
 * (what reports read): inserted in bulk, and saved as batched updates followed by one bulk
 * insert of those not stored yet (a portable upsert: H2 and PostgreSQL spell theirs differently).
 */
@Repository
class JdbcTicketClocks implements TicketClocks {

    /** The columns of a clock row, in the order bulk writes give them. */
    private static final List<String> COLUMNS = List.of(
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
            "tier_id",
            "ticket_created_at",
            "policy_version",
            "calendar_id",
            "paused_customer_micros",
            "paused_vendor_micros",
            "paused_other_micros");

    private static final String UPDATE = """
            update ticket_clock set state = ?, priority = ?, target_seconds = ?, elapsed_seconds = ?, cycle = ?,
                                    due_at = ?, next_due_at = ?, breached_at = ?, stopped_at = ?, evaluated_at = ?,
                                    client_id = ?, tier_id = ?, ticket_created_at = ?, policy_version = ?, calendar_id = ?,
                                    paused_customer_micros = ?, paused_vendor_micros = ?,
                                    paused_other_micros = ?
            where ticket_id = ? and metric = ?""";

    private static final int BATCH = 1000;

    /** The template beneath JdbcClient, for its batches (JdbcClient has none). */
    private final JdbcTemplate batch;

    private final BulkInsert bulk;
    private final DeskChanges changes;

    JdbcTicketClocks(JdbcTemplate batch, BulkInsert bulk, DeskChanges changes) {
        this.batch = batch;
        this.bulk = bulk;
        this.changes = changes;
    }

    @Override
    public void insert(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        bulk.insert("ticket_clock", COLUMNS, rows(tickets, clocks, evaluatedAt));
        changes.changed();
    }

    @Override
    public void save(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        changes.changed();
        List<Object[]> rows = rows(tickets, clocks, evaluatedAt);
        // The update sets the row's columns after the key (ticket_id, metric), then matches the key.
        int[][] updated = batch.batchUpdate(UPDATE, rows, BATCH, (ps, row) -> {
            for (int i = 2; i < row.length; i++) {
                ps.setObject(i - 1, Timestamps.bindable(row[i]));
            }
            ps.setObject(row.length - 1, row[0]);
            ps.setObject(row.length, row[1]);
        });
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i / BATCH][i % BATCH] == 0) {
                missing.add(rows.get(i));
            }
        }
        bulk.insert("ticket_clock", COLUMNS, missing);
    }

    private static List<Object[]> rows(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant at) {
        List<Object[]> rows = new ArrayList<>(tickets.size() * 2);
        for (Ticket ticket : tickets) {
            for (SlaClock clock : clocks.getOrDefault(ticket.id(), List.of())) {
                Paused paused = Paused.of(ticket.id(), clock.metric(), clock.paused());
                rows.add(new Object[] {
                    ticket.id().value(),
                    clock.metric().name(),
                    clock.state().name(),
                    clock.priority().code(),
                    clock.target().getSeconds(),
                    clock.elapsed().getSeconds(),
                    clock.cycle(),
                    clock.dueAt(),
                    clock.nextDueAt(),
                    clock.breachedAt(),
                    clock.stoppedAt(),
                    at,
                    ticket.clientId().value(),
                    ticket.coverage().tierId(),
                    ticket.createdAt(),
                    ticket.coverage().policyVersion(),
                    ticket.coverage().calendarId(),
                    Paused.micros(paused.waitingOnCustomer()),
                    Paused.micros(paused.waitingOnVendor()),
                    Paused.micros(paused.other())
                });
            }
        }
        return rows;
    }
}
