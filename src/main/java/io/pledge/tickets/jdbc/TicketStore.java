package io.pledge.tickets.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.BulkInsert;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.EventType;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.SlaClock;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.ClockThreshold;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.TicketQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets, their append-only events and their clock rows. Callers hold the transaction: an event, the
 * ticket row and the clock rows are written together.
 *
 * <p>Every read of a ticket or of its events takes the caller's {@link Scope}: for a client, the query
 * itself is limited to that client's tickets (another client's ticket is not found, as one that does not
 * exist), and events come back without the MSP's internal text.
 */
@Repository
public class TicketStore {

    private static final List<String> EVENT_COLUMNS = List.of(
            "id",
            "ticket_id",
            "seq",
            "type",
            "at",
            "priority",
            "status",
            "status_label",
            "author",
            "is_public",
            "body",
            "technician_id",
            "team_id",
            "source",
            "event_id",
            "recorded_at");

    private static final List<String> TICKET_COLUMNS = List.of(
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

    /** The columns of a clock row, in the order bulk writes give them. */
    public static final List<String> CLOCK_COLUMNS = List.of(
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
            "evaluated_at");

    private static final String UPDATE_CLOCK = """
            update ticket_clock set state = ?, priority = ?, target_seconds = ?, elapsed_seconds = ?, cycle = ?,
                                    due_at = ?, next_due_at = ?, breached_at = ?, stopped_at = ?, evaluated_at = ?
            where ticket_id = ? and metric = ?""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JdbcTemplate positional;
    private final BulkInsert bulk;

    TicketStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.batch = batch;
        this.positional = batch.getJdbcTemplate();
    }

    /** Appends events. */
    public void appendAll(List<RecordedEvent> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            rows.add(new Object[] {
                event.id(),
                event.ticket().value(),
                event.seq(),
                event.kind().name(),
                event.at(),
                event.priority() == null ? null : event.priority().code(),
                event.status() == null ? null : event.status().name(),
                event.statusLabel(),
                event.author(),
                event.isPublic(),
                event.body(),
                event.technicianId(),
                event.teamId(),
                event.source(),
                event.eventId(),
                event.recordedAt()
            });
        }
        bulk.insert("ticket_event", EVENT_COLUMNS, rows);
    }

    /** Inserts new tickets in their current state, with their clocks. */
    public void insertWithState(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt) {
        List<Object[]> rows = new ArrayList<>(tickets.size());
        List<Object[]> clockRows = new ArrayList<>(tickets.size() * 2);
        for (Ticket ticket : tickets) {
            List<SlaClock> own = clocks.getOrDefault(ticket.id(), List.of());
            Summary summary = Summary.of(own);
            rows.add(new Object[] {
                ticket.id().value(),
                ticket.clientId(),
                ticket.contractId(),
                ticket.tierId(),
                ticket.policyVersion(),
                ticket.calendarId(),
                ticket.scopeReason(),
                ticket.priority().code(),
                ticket.status().name(),
                ticket.statusLabel(),
                ticket.service(),
                ticket.subject(),
                ticket.description(),
                ticket.requester(),
                ticket.source(),
                ticket.externalId(),
                ticket.technicianId(),
                ticket.teamId(),
                ticket.createdAt(),
                ticket.updatedAt(),
                summary.due(),
                summary.next(),
                summary.breached()
            });
            for (SlaClock clock : own) {
                clockRows.add(clockRow(ticket.id(), clock, evaluatedAt));
            }
        }
        bulk.insert("ticket", TICKET_COLUMNS, rows);
        bulk.insert("ticket_clock", CLOCK_COLUMNS, clockRows);
    }

    private static Object[] clockRow(TicketId ticket, SlaClock clock, Instant evaluatedAt) {
        return new Object[] {
            ticket.value(),
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
            evaluatedAt
        };
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

    /** The next arrival number of each of these tickets that has events (a ticket without any starts at 1). */
    public Map<TicketId, Long> nextSeqs(Collection<TicketId> tickets) {
        Map<TicketId, Long> next = new HashMap<>();
        List<UUID> ids = tickets.stream().map(TicketId::value).distinct().toList();
        // A bounded list per statement: PostgreSQL takes at most 32,767 parameters.
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select ticket_id, max(seq) + 1 as next from ticket_event where ticket_id in (:tickets)"
                            + " group by ticket_id")
                    .param("tickets", ids.subList(from, Math.min(from + 1000, ids.size())))
                    .query((row, i) ->
                            next.put(new TicketId(row.getObject("ticket_id", UUID.class)), row.getLong("next")))
                    .list();
        }
        return next;
    }

    /** Locks the ticket row for the rest of the transaction, so its events are numbered and evaluated in turn. */
    public Optional<Ticket> lock(TicketId id, Scope scope) {
        return one(
                "select * from ticket where id = :id" + ScopeSql.condition(scope, "client_id") + " for update",
                id,
                scope);
    }

    /** A ticket within the scope. */
    public Optional<Ticket> find(TicketId id, Scope scope) {
        return one("select * from ticket where id = :id" + ScopeSql.condition(scope, "client_id"), id, scope);
    }

    private Optional<Ticket> one(String sql, TicketId id, Scope scope) {
        return jdbc.sql(sql)
                .param("id", id.value())
                .params(ScopeSql.parameters(scope))
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
     * The tickets another system knows by these ids (an external id is unique per client and source, so
     * one id may name tickets of several clients), locked for the rest of the transaction (in id order, so
     * that two transactions locking several tickets cannot deadlock).
     */
    public List<Ticket> lockByExternalIds(String source, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ticket where source = :source and external_id in (:external) order by id"
                        + " for update")
                .param("source", source)
                .param("external", externalIds)
                .query(TicketStore::ticket)
                .list();
    }

    /**
     * Locks up to {@code limit} tickets whose next due instant has come, earliest first, skipping those
     * another transaction holds: several nodes share the due work without waiting on each other.
     */
    public List<Ticket> lockDue(Instant now, int limit) {
        return jdbc.sql("select * from ticket where next_due_at <= :now order by next_due_at, id limit :limit"
                        + " for update skip locked")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(TicketStore::ticket)
                .list();
    }

    /** The thresholds already fired for these tickets. */
    public Set<ClockThreshold> firedThresholds(Collection<TicketId> tickets) {
        Set<ClockThreshold> fired = new HashSet<>();
        if (tickets.isEmpty()) {
            return fired;
        }
        jdbc.sql("select ticket_id, metric, cycle, threshold from clock_firing where ticket_id in (:tickets)")
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .query((row, i) -> fired.add(new ClockThreshold(
                        new TicketId(row.getObject("ticket_id", UUID.class)),
                        Metric.valueOf(row.getString("metric")),
                        row.getInt("cycle"),
                        row.getString("threshold"))))
                .list();
        return fired;
    }

    /** A threshold fired: crossed at an instant, fired at another (later, when it was crossed in the past). */
    public record Firing(ClockThreshold threshold, Instant crossedAt, Instant firedAt) {}

    /** Records fired thresholds. */
    public void recordFirings(List<Firing> firings) {
        List<Object[]> rows = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            ClockThreshold threshold = firing.threshold();
            rows.add(new Object[] {
                threshold.ticket().value(),
                threshold.metric().name(),
                threshold.cycle(),
                threshold.threshold(),
                Timestamps.utc(firing.crossedAt()),
                Timestamps.utc(firing.firedAt())
            });
        }
        bulk.insert(
                "clock_firing", List.of("ticket_id", "metric", "cycle", "threshold", "crossed_at", "fired_at"), rows);
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

    /**
     * The stored due instant of a ticket's earliest open clock (the queue's sort key): its breach instant
     * once breached; none when every clock is paused, stopped, or the ticket has none.
     */
    public Optional<Instant> dueAt(TicketId ticket) {
        return jdbc.sql("select due_at from ticket where id = :id")
                .param("id", ticket.value())
                .query((row, i) -> Optional.ofNullable(Timestamps.instant(row, "due_at")))
                .single();
    }

    /**
     * A ticket's events in timeline order (by instant, then by arrival), as the scope sees them: for a
     * client, only its own ticket's, and internal text left out ({@link RecordedEvent#within}).
     */
    public List<RecordedEvent> events(TicketId ticket, Scope scope) {
        return events(List.of(ticket), scope).getOrDefault(ticket, List.of());
    }

    /**
     * The events of several tickets, each ticket's in timeline order, as the scope sees them; a ticket
     * without events (or outside the scope) is absent.
     */
    public Map<TicketId, List<RecordedEvent>> events(Collection<TicketId> tickets, Scope scope) {
        Map<TicketId, List<RecordedEvent>> events = new HashMap<>();
        if (tickets.isEmpty()) {
            return events;
        }
        String sql = scope.isClient()
                ? "select e.* from ticket_event e join ticket t on t.id = e.ticket_id"
                        + " where e.ticket_id in (:tickets)" + ScopeSql.condition(scope, "t.client_id")
                        + " order by e.ticket_id, e.at, e.seq"
                : "select * from ticket_event where ticket_id in (:tickets) order by ticket_id, at, seq";
        jdbc.sql(sql)
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .params(ScopeSql.parameters(scope))
                .query(TicketStore::event)
                .list()
                .forEach(event -> events.computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event.within(scope)));
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
                rows.add(clockRow(ticket.id(), clock, evaluatedAt));
            }
        }
        // The update sets the row's columns after the key (ticket_id, metric), then matches the key.
        int[][] updated = positional.batchUpdate(UPDATE_CLOCK, rows, 1000, (ps, row) -> {
            for (int i = 2; i < row.length; i++) {
                ps.setObject(i - 1, Timestamps.bindable(row[i]));
            }
            ps.setObject(row.length - 1, row[0]);
            ps.setObject(row.length, row[1]);
        });
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i / 1000][i % 1000] == 0) {
                missing.add(rows.get(i));
            }
        }
        bulk.insert("ticket_clock", CLOCK_COLUMNS, missing);
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

    /**
     * Tickets matching the query in queue order, one page: by the due instant of the earliest open clock,
     * so breached tickets come first (the longest overdue first), then the soonest due; tickets with no
     * open clock due (paused, stopped, clockless) come last; then by id.
     */
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
                EventType.valueOf(row.getString("type")),
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
                Timestamps.instant(row, "recorded_at"),
                null);
    }
}
