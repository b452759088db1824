package io.pledge.tickets.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.BulkInsert;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.ClockState;
import io.pledge.sla.SlaClock;
import io.pledge.tickets.DeskChanges;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.TicketQuery;
import io.pledge.tickets.Tickets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ticket rows in {@code ticket}: inserted in bulk, states saved in batches, the queue read by a cursor. */
@Repository
class JdbcTickets implements Tickets {

    private static final List<String> COLUMNS = List.of(
            "id",
            "client_id",
            "contract_id",
            "tier_id",
            "policy_version",
            "calendar_id",
            "scope_reason",
            "priority",
            "status",
            "status_label",
            "service",
            "subject",
            "description",
            "requester",
            "source",
            "external_id",
            "assignee_technician_id",
            "assignee_team_id",
            "created_at",
            "updated_at",
            "due_at",
            "next_due_at",
            "breached");

    private static final String SAVE_STATE = """
            update ticket set priority = ?, status = ?, status_label = ?, assignee_technician_id = ?,
                assignee_team_id = ?, updated_at = ?, due_at = ?, next_due_at = ?, breached = ?
            where id = ?""";

    private final JdbcClient jdbc;
    /** The template beneath JdbcClient, for its batches (JdbcClient has none). */
    private final JdbcTemplate batch;

    private final BulkInsert bulk;
    private final DeskChanges changes;

    JdbcTickets(JdbcClient jdbc, JdbcTemplate batch, BulkInsert bulk, DeskChanges changes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
        this.changes = changes;
    }

    @Override
    public Optional<Ticket> find(TicketId id, Scope scope) {
        return one("select * from ticket where id = :id" + ScopeSql.condition(scope, "client_id"), id, scope);
    }

    @Override
    public Optional<Ticket> lock(TicketId id, Scope scope) {
        return one(
                "select * from ticket where id = :id" + ScopeSql.condition(scope, "client_id") + " for update",
                id,
                scope);
    }

    private Optional<Ticket> one(String sql, TicketId id, Scope scope) {
        return jdbc.sql(sql)
                .param("id", id.value())
                .params(ScopeSql.parameters(scope))
                .query(TicketRows::ticket)
                .optional();
    }

    @Override
    public List<Ticket> lockByExternalIds(String source, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ticket where source = :source and external_id in (:external) order by id"
                        + " for update")
                .param("source", source)
                .param("external", externalIds)
                .query(TicketRows::ticket)
                .list();
    }

    @Override
    public List<Ticket> lockDue(Instant now, int limit) {
        return jdbc.sql("select * from ticket where next_due_at <= :now order by next_due_at, id limit :limit"
                        + " for update skip locked")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(TicketRows::ticket)
                .list();
    }

    @Override
    public Map<String, Ticket> bySource(String source) {
        Map<String, Ticket> tickets = new HashMap<>();
        jdbc.sql("select * from ticket where source = :source")
                .param("source", source)
                .query(TicketRows::ticket)
                .list()
                .forEach(ticket -> tickets.put(ticket.origin().externalId(), ticket));
        return tickets;
    }

    @Override
    public Optional<Instant> dueAt(TicketId ticket) {
        return jdbc.sql("select due_at from ticket where id = :id")
                .param("id", ticket.value())
                .query((row, i) -> Optional.ofNullable(Timestamps.instant(row, "due_at")))
                .single();
    }

    @Override
    public List<Ticket> list(TicketQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("select * from ticket where 1 = 1")
                .append(ScopeSql.condition(query.scope(), "client_id"));
        Map<String, Object> params = new HashMap<>(ScopeSql.parameters(query.scope()));
        if (query.clientId() != null) {
            sql.append(" and client_id = :client");
            params.put("client", query.clientId());
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.priority() != null) {
            sql.append(" and priority = :priority");
            params.put("priority", query.priority().code());
        }
        if (query.assigneeId() != null) {
            sql.append(" and (assignee_technician_id = :assignee or assignee_team_id = :assignee)");
            params.put("assignee", query.assigneeId());
        }
        if (query.teamId() != null) {
            sql.append(" and assignee_team_id = :team");
            params.put("team", query.teamId());
        }
        if (query.openOnly()) {
            sql.append(" and status not in ('RESOLVED', 'CLOSED')");
        }
        if (query.breached() != null) {
            // Breached now: a recorded breach, or a running clock past its due instant since the last event.
            sql.append(
                    query.breached()
                            ? " and (breached or due_at <= :now)"
                            : " and not breached and (due_at is null or due_at > :now)");
            params.put("now", Timestamps.utc(now));
        }
        if (query.dueBefore() != null) {
            sql.append(" and due_at < :dueBefore");
            params.put("dueBefore", Timestamps.utc(query.dueBefore()));
        }
        if (query.after() != null) {
            TicketQuery.Cursor after = query.after();
            if (after.dueAt() == null) {
                sql.append(" and due_at is null and id > :afterId");
            } else {
                sql.append(" and (due_at > :afterDue or (due_at = :afterDue and id > :afterId) or due_at is null)");
                params.put("afterDue", Timestamps.utc(after.dueAt()));
            }
            params.put("afterId", after.id());
        }
        sql.append(" order by due_at nulls last, id limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params).query(TicketRows::ticket).list();
    }

    @Override
    public void insert(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks) {
        List<Object[]> rows = new ArrayList<>(tickets.size());
        for (Ticket ticket : tickets) {
            Summary summary = Summary.of(clocks.getOrDefault(ticket.id(), List.of()));
            rows.add(new Object[] {
                ticket.id().value(),
                ticket.clientId().value(),
                ticket.coverage().contractId(),
                ticket.coverage().tierId(),
                ticket.coverage().policyVersion(),
                ticket.coverage().calendarId(),
                ticket.coverage().scopeReason(),
                ticket.priority().code(),
                ticket.status().name(),
                ticket.statusLabel(),
                ticket.request().service(),
                ticket.request().subject(),
                ticket.request().description(),
                ticket.request().requester(),
                ticket.origin().source(),
                ticket.origin().externalId(),
                ticket.assignment().technicianId(),
                ticket.assignment().teamId(),
                ticket.createdAt(),
                ticket.updatedAt(),
                summary.due(),
                summary.next(),
                summary.breached()
            });
        }
        bulk.insert("ticket", COLUMNS, rows);
        changes.changed();
    }

    @Override
    public void saveStates(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks) {
        List<Object[]> rows = new ArrayList<>(tickets.size());
        for (Ticket ticket : tickets) {
            Summary summary = Summary.of(clocks.getOrDefault(ticket.id(), List.of()));
            rows.add(new Object[] {
                ticket.priority().code(),
                ticket.status().name(),
                ticket.statusLabel(),
                ticket.assignment().technicianId(),
                ticket.assignment().teamId(),
                Timestamps.utc(ticket.updatedAt()),
                Timestamps.utc(summary.due()),
                Timestamps.utc(summary.next()),
                summary.breached(),
                ticket.id().value()
            });
        }
        batch.batchUpdate(SAVE_STATE, rows);
        changes.changed();
    }

    /** What a ticket row keeps of its clocks: the earliest due instant, the next due instant, any breach. */
    private record Summary(Instant due, Instant next, boolean breached) {

        static Summary of(List<SlaClock> clocks) {
            Instant due = null;
            Instant next = null;
            boolean breached = false;
            for (SlaClock clock : clocks) {
                breached |= clock.breachedAt() != null && clock.state() != ClockState.CANCELLED;
                if (clock.stoppedAt() == null
                        && clock.dueAt() != null
                        && (due == null || clock.dueAt().isBefore(due))) {
                    due = clock.dueAt();
                }
                if (clock.nextDueAt() != null
                        && (next == null || clock.nextDueAt().isBefore(next))) {
                    next = clock.nextDueAt();
                }
            }
            return new Summary(due, next, breached);
        }
    }
}
