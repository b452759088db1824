package io.pledge.tickets.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.ClockState;
import io.pledge.sla.EventType;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.SlaClock;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.SlaCalculator;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the clock rows of a period for reports. Each query starts from the client's tickets created before
 * the period's end (index {@code ticket_client_created}) and joins their clock rows by key; the MSP-wide
 * tally does the same for a set of clients and groups in the database.
 */
@Repository
class JdbcClockRecords implements ClockRecords {

    /** Stopped met or breached inside the period. */
    private static final String STOPPED_WITHIN =
            "(c.stopped_at >= :from and c.stopped_at < :to and c.state <> 'CANCELLED')";

    /**
     * Open at the period's end and breached before it: a stored breach instant, or the due instant a running
     * clock passed before it was recomputed.
     */
    private static final String OPEN_BREACHED = "((c.stopped_at is null or c.stopped_at >= :to)"
            + " and c.state <> 'CANCELLED'"
            + " and (c.breached_at < :to"
            + " or (c.breached_at is null and c.state = 'RUNNING' and c.due_at < :to)))";

    /** Open at the instant and not breached before it: the complement of {@link #OPEN_BREACHED} among open clocks. */
    private static final String OPEN_ON_TIME = "((c.stopped_at is null or c.stopped_at >= :to)"
            + " and c.state <> 'CANCELLED'"
            + " and (c.breached_at is null or c.breached_at >= :to)"
            + " and (c.breached_at is not null or c.state <> 'RUNNING' or c.due_at is null or c.due_at >= :to))";

    private final JdbcClient jdbc;
    private final SlaCalculator calculator;

    JdbcClockRecords(JdbcClient jdbc, SlaCalculator calculator) {
        this.jdbc = jdbc;
        this.calculator = calculator;
    }

    @Override
    public List<ClockRecord> ofPeriod(UUID client, Instant from, Instant to, Scope scope) {
        return jdbc.sql("""
                        select t.id, t.external_id, t.subject, t.client_id, t.tier_id, t.policy_version, t.calendar_id,
                               t.created_at, c.metric, c.state, c.priority, c.target_seconds, c.elapsed_seconds,
                               c.breached_at, c.due_at, c.stopped_at
                        from ticket t join ticket_clock c on c.ticket_id = t.id
                        where t.client_id = :client and t.created_at < :to
                          and (%s or %s)%s
                        order by t.created_at, t.id, c.metric""".formatted(STOPPED_WITHIN, OPEN_BREACHED, ScopeSql.condition(scope, "t.client_id")))
                .param("client", client)
                .param("from", Timestamps.utc(from))
                .param("to", Timestamps.utc(to))
                .params(ScopeSql.parameters(scope))
                .query((row, i) -> record(row, to))
                .list();
    }

    @Override
    public List<OpenOnTime> openOnTime(UUID client, Instant at, Scope scope) {
        return jdbc.sql("""
                        select c.metric, c.priority, count(*) as clocks
                        from ticket t join ticket_clock c on c.ticket_id = t.id
                        where t.client_id = :client and t.created_at < :to and %s%s
                        group by c.metric, c.priority
                        order by c.metric, c.priority""".formatted(OPEN_ON_TIME, ScopeSql.condition(scope, "t.client_id")))
                .param("client", client)
                .param("to", Timestamps.utc(at))
                .params(ScopeSql.parameters(scope))
                .query((row, i) -> new OpenOnTime(
                        Metric.valueOf(row.getString("metric")),
                        Priority.of(row.getString("priority")),
                        row.getLong("clocks")))
                .list();
    }

    @Override
    public List<OutOfScope> outOfScope(UUID client, Instant from, Instant to, Scope scope) {
        return jdbc.sql("""
                        select t.id, t.external_id, t.priority, t.service, t.created_at, t.scope_reason
                        from ticket t
                        where t.client_id = :client and t.created_at >= :from and t.created_at < :to
                          and t.scope_reason is not null%s
                        order by t.created_at, t.id""".formatted(ScopeSql.condition(scope, "t.client_id")))
                .param("client", client)
                .param("from", Timestamps.utc(from))
                .param("to", Timestamps.utc(to))
                .params(ScopeSql.parameters(scope))
                .query((row, i) -> new OutOfScope(
                        new TicketId(row.getObject("id", UUID.class)),
                        row.getString("external_id"),
                        Priority.of(row.getString("priority")),
                        row.getString("service"),
                        Timestamps.instant(row, "created_at"),
                        row.getString("scope_reason")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Paused> pausedOfPeriod(UUID client, Instant from, Instant to, Scope scope) {
        String stoppedTickets = """
                select distinct c.ticket_id from ticket_clock c join ticket t on t.id = c.ticket_id
                where t.client_id = :client and t.created_at < :to and %s%s""".formatted(STOPPED_WITHIN, ScopeSql.condition(scope, "t.client_id"));
        Map<String, Object> parameters = new HashMap<>(ScopeSql.parameters(scope));
        parameters.put("client", client);
        parameters.put("from", Timestamps.utc(from));
        parameters.put("to", Timestamps.utc(to));
        Map<TicketId, Ticket> tickets = new LinkedHashMap<>();
        jdbc.sql("""
                        select %s
                        from ticket where id in (%s) order by created_at, id""".formatted(TicketRows.ENGINE_COLUMNS, stoppedTickets))
                .params(parameters)
                .query(TicketRows::forEngine)
                .list()
                .forEach(ticket -> tickets.put(ticket.id(), ticket));
        Map<TicketId, List<RecordedEvent>> events = new HashMap<>();
        // Only what the engine reads: no text of any event is loaded.
        jdbc.sql("""
                        select ticket_id, seq, type, at, priority, status, author, is_public, recorded_at
                        from ticket_event where ticket_id in (%s)
                        order by ticket_id, at, seq""".formatted(stoppedTickets))
                .params(parameters)
                .query(JdbcClockRecords::event)
                .list()
                .forEach(event -> events.computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event));
        List<Paused> paused = new ArrayList<>();
        for (Ticket ticket : tickets.values()) {
            for (SlaClock clock : calculator.clocks(ticket, events.getOrDefault(ticket.id(), List.of()), to)) {
                Instant stopped = clock.stoppedAt();
                boolean within = stopped != null
                        && !stopped.isBefore(from)
                        && stopped.isBefore(to)
                        && clock.state() != ClockState.CANCELLED;
                if (within) {
                    paused.add(new Paused(ticket.id(), clock.metric(), clock.paused()));
                }
            }
        }
        return paused;
    }

    @Override
    @Transactional(readOnly = true)
    public List<History> histories(UUID client, UUID tier, Instant from, Instant to, Scope scope) {
        String tickets = """
                from ticket t
                where t.client_id = :client and t.tier_id = :tier and t.created_at >= :from and t.created_at < :to
                  and t.scope_reason is null%s""".formatted(ScopeSql.condition(scope, "t.client_id"));
        Map<String, Object> parameters = new HashMap<>(ScopeSql.parameters(scope));
        parameters.put("client", client);
        parameters.put("tier", tier);
        parameters.put("from", Timestamps.utc(from));
        parameters.put("to", Timestamps.utc(to));
        List<Ticket> found = jdbc.sql(
                        "select " + TicketRows.ENGINE_COLUMNS + " " + tickets + " order by t.created_at, t.id")
                .params(parameters)
                .query(TicketRows::forEngine)
                .list();
        Map<TicketId, List<RecordedEvent>> events = new HashMap<>();
        // Only what the engine reads: no text of any event is loaded.
        jdbc.sql("""
                        select e.ticket_id, e.seq, e.type, e.at, e.priority, e.status, e.author, e.is_public
                        from ticket_event e join ticket t on t.id = e.ticket_id
                        where t.client_id = :client and t.tier_id = :tier and t.created_at >= :from and t.created_at < :to
                          and t.scope_reason is null%s
                        order by e.ticket_id, e.at, e.seq""".formatted(ScopeSql.condition(scope, "t.client_id")))
                .params(parameters)
                .query(JdbcClockRecords::engineEvent)
                .list()
                .forEach(event -> events.computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event));
        List<History> histories = new ArrayList<>(found.size());
        for (Ticket ticket : found) {
            histories.add(new History(ticket, events.getOrDefault(ticket.id(), List.of())));
        }
        return histories;
    }

    @Override
    public List<Tally> tallies(Collection<UUID> clients, Instant from, Instant to, Scope scope) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.client_id, t.tier_id, c.metric,
                               count(*) filter (where %1$s) as stopped,
                               count(*) filter (where %1$s and c.state = 'MET') as met,
                               count(*) filter (where %1$s and c.state = 'BREACHED') as breached,
                               count(*) filter (where %2$s) as open_breached
                        from ticket t join ticket_clock c on c.ticket_id = t.id
                        where t.client_id in (:clients) and t.created_at < :to
                          and (c.stopped_at is null or c.stopped_at >= :from)%3$s
                        group by t.client_id, t.tier_id, c.metric""".formatted(STOPPED_WITHIN, OPEN_BREACHED, ScopeSql.condition(scope, "t.client_id")))
                .param("clients", List.copyOf(clients))
                .param("from", Timestamps.utc(from))
                .param("to", Timestamps.utc(to))
                .params(ScopeSql.parameters(scope))
                .query((row, i) -> new Tally(
                        row.getObject("client_id", UUID.class),
                        row.getObject("tier_id", UUID.class),
                        Metric.valueOf(row.getString("metric")),
                        row.getLong("stopped"),
                        row.getLong("met"),
                        row.getLong("breached"),
                        row.getLong("open_breached")))
                .list();
    }

    private static ClockRecord record(ResultSet row, Instant to) throws SQLException {
        ClockState state = ClockState.valueOf(row.getString("state"));
        Instant breachedAt = Timestamps.instant(row, "breached_at");
        Instant dueAt = Timestamps.instant(row, "due_at");
        if (breachedAt == null && state == ClockState.RUNNING && dueAt != null && dueAt.isBefore(to)) {
            breachedAt = dueAt;
        }
        return new ClockRecord(
                new TicketId(row.getObject("id", UUID.class)),
                row.getString("external_id"),
                row.getString("subject"),
                row.getObject("client_id", UUID.class),
                row.getObject("tier_id", UUID.class),
                (Integer) row.getObject("policy_version"),
                row.getObject("calendar_id", UUID.class),
                Metric.valueOf(row.getString("metric")),
                state,
                Priority.of(row.getString("priority")),
                Duration.ofSeconds(row.getLong("target_seconds")),
                Duration.ofSeconds(row.getLong("elapsed_seconds")),
                Timestamps.instant(row, "created_at"),
                breachedAt,
                Timestamps.instant(row, "stopped_at"));
    }

    private static RecordedEvent event(ResultSet row, int index) throws SQLException {
        return event(row, Timestamps.instant(row, "recorded_at"));
    }

    /** Only the columns the engine reads: a replay decodes no arrival instant nor any text. */
    private static RecordedEvent engineEvent(ResultSet row, int index) throws SQLException {
        return event(row, null);
    }

    private static RecordedEvent event(ResultSet row, Instant recordedAt) throws SQLException {
        String priority = row.getString("priority");
        String status = row.getString("status");
        return new RecordedEvent(
                null,
                new TicketId(row.getObject("ticket_id", UUID.class)),
                row.getLong("seq"),
                EventType.valueOf(row.getString("type")),
                Timestamps.instant(row, "at"),
                priority == null ? null : Priority.of(priority),
                status == null ? null : TicketStatus.valueOf(status),
                null,
                row.getString("author"),
                (Boolean) row.getObject("is_public"),
                null,
                null,
                null,
                null,
                null,
                recordedAt,
                null);
    }
}
