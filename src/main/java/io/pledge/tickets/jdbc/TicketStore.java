package io.pledge.tickets.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Priority;
import io.pledge.sla.SlaClock;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.EventKind;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.TicketQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets, their append-only events and their clock rows. Callers hold the transaction: an event, the
 * ticket row and the clock rows are written together.
 */
@Repository
public class TicketStore {

    private static final String INSERT_EVENT = """
            insert into ticket_event (id, ticket_id, seq, type, at, priority, status, status_label, author, is_public,
                                      body, technician_id, team_id, source, event_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_TICKET = """
            insert into ticket (id, client_id, contract_id, tier_id, policy_version, calendar_id, scope_reason,
                                priority, status, status_label, service, subject, description, requester, source,
                                external_id, assignee_technician_id, assignee_team_id, created_at, updated_at,
                                due_at, next_due_at, breached)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_CLOCK = """
            insert into ticket_clock (ticket_id, metric, state, priority, target_seconds, elapsed_seconds, cycle, due_at,
                                      next_due_at, breached_at, stopped_at, evaluated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_CLOCK = """
            update ticket_clock set state = ?, priority = ?, target_seconds = ?, elapsed_seconds = ?, cycle = ?,
                                    due_at = ?, next_due_at = ?, breached_at = ?, stopped_at = ?, evaluated_at = ?
            where ticket_id = ? and metric = ?""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JdbcTemplate positional;

    TicketStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.positional = batch.getJdbcTemplate();
    }

    /** Appends events, in JDBC batches. */
    public void appendAll(List<RecordedEvent> events) {
        positional.batchUpdate(INSERT_EVENT, events, 1000, (ps, event) -> {
            ps.setObject(1, event.id());
            ps.setObject(2, event.ticket().value());
            ps.setLong(3, event.seq());
            ps.setString(4, event.kind().name());
            ps.setObject(5, Timestamps.utc(event.at()));
            ps.setString(6, event.priority() == null ? null : event.priority().code());
            ps.setString(7, event.status() == null ? null : event.status().name());
            ps.setString(8, event.statusLabel());
            ps.setString(9, event.author());
            ps.setObject(10, event.isPublic(), java.sql.Types.BOOLEAN);
            ps.setString(11, event.body());
            ps.setObject(12, event.technicianId());
            ps.setObject(13, event.teamId());
            ps.setString(14, event.source());
            ps.setString(15, event.eventId());
            ps.setObject(16, Timestamps.utc(event.recordedAt()));
        });
    }

    /**
     * Inserts new tickets with their clocks (none yet, when the clocks are computed after their events
     * are stored), in JDBC batches.
     */
    public void insertWithState(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        positional.batchUpdate(INSERT_TICKET, tickets, 1000, (ps, ticket) -> {
            Summary summary = Summary.of(clocks.getOrDefault(ticket.id(), List.of()));
            ps.setObject(1, ticket.id().value());
            ps.setObject(2, ticket.clientId());
            ps.setObject(3, ticket.contractId());
            ps.setObject(4, ticket.tierId());
            ps.setObject(5, ticket.policyVersion(), java.sql.Types.INTEGER);
            ps.setObject(6, ticket.calendarId());
            ps.setString(7, ticket.scopeReason());
            ps.setString(8, ticket.priority().code());
            ps.setString(9, ticket.status().name());
            ps.setString(10, ticket.statusLabel());
            ps.setString(11, ticket.service());
            ps.setString(12, ticket.subject());
            ps.setString(13, ticket.description());
            ps.setString(14, ticket.requester());
            ps.setString(15, ticket.source());
            ps.setString(16, ticket.externalId());
            ps.setObject(17, ticket.technicianId());
            ps.setObject(18, ticket.teamId());
            ps.setObject(19, Timestamps.utc(ticket.createdAt()));
            ps.setObject(20, Timestamps.utc(ticket.updatedAt()));
            ps.setObject(21, Timestamps.utc(summary.due()));
            ps.setObject(22, Timestamps.utc(summary.next()));
            ps.setBoolean(23, summary.breached());
        });
        insertClocks(tickets, clocks, evaluatedAt);
    }

    private void insertClocks(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        List<Object[]> rows = new ArrayList<>();
        for (Ticket ticket : tickets) {
            for (SlaClock clock : clocks.getOrDefault(ticket.id(), List.of())) {
                rows.add(new Object[] {ticket.id(), clock});
            }
        }
        insertClockRows(rows, evaluatedAt);
    }

    /** Inserts clock rows, each a ticket id and one of its clocks. */
    private void insertClockRows(List<Object[]> rows, Instant evaluatedAt) {
        if (rows.isEmpty()) {
            return;
        }
        positional.batchUpdate(INSERT_CLOCK, rows, 1000, (ps, row) -> {
            ps.setObject(1, ((TicketId) row[0]).value());
            ps.setString(2, ((SlaClock) row[1]).metric().name());
            setClock(ps, 3, (SlaClock) row[1], evaluatedAt);
        });
    }

    /** Sets a clock's ten state columns, from state to evaluated_at, starting at parameter {@code first}. */
    private static void setClock(PreparedStatement ps, int first, SlaClock clock, Instant evaluatedAt)
            throws SQLException {
        ps.setString(first, clock.state().name());
        ps.setString(first + 1, clock.priority().code());
        ps.setLong(first + 2, clock.target().getSeconds());
        ps.setLong(first + 3, clock.elapsed().getSeconds());
        ps.setInt(first + 4, clock.cycle());
        ps.setObject(first + 5, Timestamps.utc(clock.dueAt()));
        ps.setObject(first + 6, Timestamps.utc(clock.nextDueAt()));
        ps.setObject(first + 7, Timestamps.utc(clock.breachedAt()));
        ps.setObject(first + 8, Timestamps.utc(clock.stoppedAt()));
        ps.setObject(first + 9, Timestamps.utc(evaluatedAt));
    }

    /** What a ticket row keeps of its clocks: the earliest due instant, the next due instant, any breach. */
    private record Summary(Instant due, Instant next, boolean breached) {

        static Summary of(List<SlaClock> clocks) {
            Instant due = null;
            Instant next = null;
            boolean breached = false;
            for (SlaClock clock : clocks) {
                breached |= clock.breachedAt() != null && clock.state() != io.pledge.sla.ClockState.CANCELLED;
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

    /** The next arrival number for a ticket's events. */
    public long nextSeq(TicketId ticket) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from ticket_event where ticket_id = :ticket")
                .param("ticket", ticket.value())
                .query(Long.class)
                .single();
    }

    /** Locks the ticket row for the rest of the transaction, so its events are numbered and evaluated in turn. */
    public Optional<Ticket> lock(TicketId id) {
        return jdbc.sql("select * from ticket where id = :id for update")
                .param("id", id.value())
                .query(TicketStore::ticket)
                .optional();
    }

    public Optional<Ticket> find(TicketId id) {
        return jdbc.sql("select * from ticket where id = :id")
                .param("id", id.value())
                .query(TicketStore::ticket)
                .optional();
    }

    public Optional<Ticket> findByExternalId(String source, String externalId) {
        return jdbc.sql("select * from ticket where source = :source and external_id = :external")
                .param("source", source)
                .param("external", externalId)
                .query(TicketStore::ticket)
                .optional();
    }

    /** Every event id stored for a source (re-imports skip them). */
    public List<String> eventIds(String source) {
        return jdbc.sql("select event_id from ticket_event where source = :source and event_id is not null")
                .param("source", source)
                .query(String.class)
                .list();
    }

    /** The tickets of a source by their external id. */
    public Map<String, Ticket> bySource(String source) {
        Map<String, Ticket> tickets = new HashMap<>();
        jdbc.sql("select * from ticket where source = :source")
                .param("source", source)
                .query(TicketStore::ticket)
                .list()
                .forEach(ticket -> tickets.put(ticket.externalId(), ticket));
        return tickets;
    }

    /**
     * The tickets another system knows by these ids, by external id, locked for the rest of the
     * transaction (in id order, so that two transactions locking several tickets cannot deadlock).
     */
    public Map<String, Ticket> lockByExternalIds(String source, Collection<String> externalIds) {
        Map<String, Ticket> tickets = new HashMap<>();
        if (externalIds.isEmpty()) {
            return tickets;
        }
        jdbc.sql("select * from ticket where source = :source and external_id in (:external) order by id for update")
                .param("source", source)
                .param("external", externalIds)
                .query(TicketStore::ticket)
                .list()
                .forEach(ticket -> tickets.put(ticket.externalId(), ticket));
        return tickets;
    }

    /** Of these event ids of a source, those already stored. */
    public List<String> existingEventIds(String source, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select event_id from ticket_event where source = :source and event_id in (:ids)")
                .param("source", source)
                .param("ids", eventIds)
                .query(String.class)
                .list();
    }

    /** The stored next due instant of a ticket (the queue's sort key). */
    public Optional<Instant> nextDueAt(TicketId ticket) {
        return jdbc.sql("select next_due_at from ticket where id = :id")
                .param("id", ticket.value())
                .query((row, i) -> Optional.ofNullable(Timestamps.instant(row, "next_due_at")))
                .single();
    }

    /** A ticket's events in timeline order: by instant, then by arrival. */
    public List<RecordedEvent> events(TicketId ticket) {
        return jdbc.sql("select * from ticket_event where ticket_id = :ticket order by at, seq")
                .param("ticket", ticket.value())
                .query(TicketStore::event)
                .list();
    }

    /** The events of several tickets, each ticket's in timeline order; a ticket without events is absent. */
    public Map<TicketId, List<RecordedEvent>> events(Collection<TicketId> tickets) {
        Map<TicketId, List<RecordedEvent>> events = new HashMap<>();
        if (tickets.isEmpty()) {
            return events;
        }
        jdbc.sql("select * from ticket_event where ticket_id in (:tickets) order by ticket_id, at, seq")
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .query(TicketStore::event)
                .list()
                .forEach(event -> events.computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event));
        return events;
    }

    /**
     * Stores tickets' recomputed clocks and summaries (current state, due instants), in JDBC batches. A
     * ticket keeps the same clocks for life (its policy version is fixed), so its clock rows are updated
     * in place; a clock not stored yet is inserted.
     */
    public void saveStates(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        List<Object[]> rows = new ArrayList<>();
        for (Ticket ticket : tickets) {
            for (SlaClock clock : clocks.getOrDefault(ticket.id(), List.of())) {
                rows.add(new Object[] {ticket.id(), clock});
            }
        }
        int[][] updated = positional.batchUpdate(UPDATE_CLOCK, rows, 1000, (ps, row) -> {
            setClock(ps, 1, (SlaClock) row[1], evaluatedAt);
            ps.setObject(11, ((TicketId) row[0]).value());
            ps.setString(12, ((SlaClock) row[1]).metric().name());
        });
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i / 1000][i % 1000] == 0) {
                missing.add(rows.get(i));
            }
        }
        insertClockRows(missing, evaluatedAt);
        batch.batchUpdate(
                """
                update ticket set priority = :priority, status = :status, status_label = :label,
                    assignee_technician_id = :technician, assignee_team_id = :team, updated_at = :updated,
                    due_at = :due, next_due_at = :next, breached = :breached
                where id = :id""",
                tickets.stream()
                        .map(ticket -> summaryParameters(ticket, clocks.getOrDefault(ticket.id(), List.of())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** Tickets matching the query, ordered by next due instant (none last), then id; one page. */
    public List<Ticket> list(TicketQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("select * from ticket where 1 = 1");
        Map<String, Object> params = new HashMap<>();
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
            if (after.nextDueAt() == null) {
                sql.append(" and next_due_at is null and id > :afterId");
            } else {
                sql.append(" and (next_due_at > :afterDue or (next_due_at = :afterDue and id > :afterId)"
                        + " or next_due_at is null)");
                params.put("afterDue", Timestamps.utc(after.nextDueAt()));
            }
            params.put("afterId", after.id());
        }
        sql.append(" order by next_due_at nulls last, id limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query(TicketStore::ticket)
                .list();
    }

    private static MapSqlParameterSource summaryParameters(Ticket ticket, List<SlaClock> clocks) {
        Summary summary = Summary.of(clocks);
        return new MapSqlParameterSource()
                .addValue("id", ticket.id().value())
                .addValue("priority", ticket.priority().code())
                .addValue("status", ticket.status().name())
                .addValue("label", ticket.statusLabel())
                .addValue("technician", ticket.technicianId())
                .addValue("team", ticket.teamId())
                .addValue("updated", Timestamps.utc(ticket.updatedAt()))
                .addValue("due", Timestamps.utc(summary.due()))
                .addValue("next", Timestamps.utc(summary.next()))
                .addValue("breached", summary.breached());
    }

    static Ticket ticket(ResultSet row, int index) throws SQLException {
        return new Ticket(
                new TicketId(row.getObject("id", UUID.class)),
                row.getObject("client_id", UUID.class),
                row.getObject("contract_id", UUID.class),
                row.getObject("tier_id", UUID.class),
                (Integer) row.getObject("policy_version"),
                row.getObject("calendar_id", UUID.class),
                row.getString("scope_reason"),
                Priority.of(row.getString("priority")),
                TicketStatus.valueOf(row.getString("status")),
                row.getString("status_label"),
                row.getString("service"),
                row.getString("subject"),
                row.getString("description"),
                row.getString("requester"),
                row.getString("source"),
                row.getString("external_id"),
                row.getObject("assignee_technician_id", UUID.class),
                row.getObject("assignee_team_id", UUID.class),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }

    static RecordedEvent event(ResultSet row, int index) throws SQLException {
        String priority = row.getString("priority");
        String status = row.getString("status");
        return new RecordedEvent(
                row.getObject("id", UUID.class),
                new TicketId(row.getObject("ticket_id", UUID.class)),
                row.getLong("seq"),
                EventKind.valueOf(row.getString("type")),
                Timestamps.instant(row, "at"),
                priority == null ? null : Priority.of(priority),
                status == null ? null : TicketStatus.valueOf(status),
                row.getString("status_label"),
                row.getString("author"),
                (Boolean) row.getObject("is_public"),
                row.getString("body"),
                row.getObject("technician_id", UUID.class),
                row.getObject("team_id", UUID.class),
                row.getString("source"),
                row.getString("event_id"),
                Timestamps.instant(row, "recorded_at"));
    }
}
