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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the clock rows of a period for reports. A client's rows of a period are one range of index
 * {@code ticket_clock_client_stopped} (its rows stopped from the period's start on, or not stopped), which
 * carry what a report needs of their ticket but its texts, read by key for the breached clocks only; the
 * MSP-wide tally reads the clock rows alone, every zone's two periods in one aggregate query.
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

    /** Tickets per query for the texts of breached clocks. */
    private static final int TEXT_BATCH = 1000;

    /** Clients per tally query: five parameters each, well within what a statement may bind. */
    private static final int TALLY_CLIENTS = 5000;

    private final JdbcClient jdbc;
    private final SlaCalculator calculator;

    JdbcClockRecords(JdbcClient jdbc, SlaCalculator calculator) {
        this.jdbc = jdbc;
        this.calculator = calculator;
    }

    @Override
    public List<ClockRecord> ofPeriod(UUID client, Instant from, Instant to, Scope scope) {
        List<ClockRecord> records = jdbc.sql(
                        """
                        select c.ticket_id, c.client_id, c.tier_id, c.policy_version, c.calendar_id, c.ticket_created_at,
                               c.metric, c.state, c.priority, c.target_seconds, c.elapsed_seconds,
                               c.breached_at, c.due_at, c.stopped_at,
                               c.paused_customer_micros, c.paused_vendor_micros, c.paused_other_micros
                        from ticket_clock c
                        where c.client_id = :client and (c.stopped_at >= :from or c.stopped_at is null)
                          and c.ticket_created_at < :to and (%s or %s)%s
                        order by c.ticket_created_at, c.ticket_id, c.metric""".formatted(STOPPED_WITHIN, OPEN_BREACHED, ScopeSql.condition(scope, "c.client_id")))
                .param("client", client)
                .param("from", Timestamps.utc(from))
                .param("to", Timestamps.utc(to))
                .params(ScopeSql.parameters(scope))
                .query((row, i) -> record(row, to))
                .list();
        // The ticket's texts only for the clocks a report lists: breached ones.
        List<UUID> breached = records.stream()
                .filter(JdbcClockRecords::breached)
                .map(r -> r.ticket().value())
                .distinct()
                .toList();
        if (breached.isEmpty()) {
            return records;
        }
        Map<UUID, String[]> texts = new HashMap<>();
        for (int start = 0; start < breached.size(); start += TEXT_BATCH) {
            jdbc.sql("select id, external_id, subject from ticket where id in (:ids)"
                            + ScopeSql.condition(scope, "client_id"))
                    .param("ids", breached.subList(start, Math.min(start + TEXT_BATCH, breached.size())))
                    .params(ScopeSql.parameters(scope))
                    .query((row, i) -> texts.put(
                            row.getObject("id", UUID.class),
                            new String[] {row.getString("external_id"), row.getString("subject")}))
                    .list();
        }
        List<ClockRecord> withTexts = new ArrayList<>(records.size());
        for (ClockRecord r : records) {
            String[] text = breached(r) ? texts.get(r.ticket().value()) : null;
            withTexts.add(
                    text == null
                            ? r
                            : new ClockRecord(
                                    r.ticket(),
                                    text[0],
                                    text[1],
                                    r.clientId(),
                                    r.tierId(),
                                    r.policyVersion(),
                                    r.calendarId(),
                                    r.metric(),
                                    r.state(),
                                    r.priority(),
                                    r.target(),
                                    r.elapsed(),
                                    r.createdAt(),
                                    r.breachedAt(),
                                    r.stoppedAt(),
                                    r.paused()));
        }
        return withTexts;
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
                    paused.add(Paused.of(ticket.id(), clock.metric(), clock.paused()));
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
    public List<Tally> tallies(List<TallyGroup> groups, Scope scope) {
        List<Tally> tallies = new ArrayList<>();
        List<Object[]> bounds = new ArrayList<>();
        for (TallyGroup group : groups) {
            for (UUID client : group.clients()) {
                bounds.add(new Object[] {client, group});
                if (bounds.size() == TALLY_CLIENTS) {
                    tallies.addAll(talliesOf(bounds, scope));
                    bounds.clear();
                }
            }
        }
        if (!bounds.isEmpty()) {
            tallies.addAll(talliesOf(bounds, scope));
        }
        return tallies;
    }

    /**
     * One aggregate query for the given clients, each with its group's bounds: a {@code values} list with a
     * row per client (so that the planner, knowing how many, joins it to the clock rows by hash).
     */
    private List<Tally> talliesOf(List<Object[]> clients, Scope scope) {
        StringBuilder rows = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>(ScopeSql.parameters(scope));
        for (int i = 0; i < clients.size(); i++) {
            TallyGroup group = (TallyGroup) clients.get(i)[1];
            rows.append(i == 0 ? "" : ", ")
                    .append("(cast(:c%1$d as uuid), %2$s, %3$s, %4$s, %5$s)"
                            .formatted(i, instant("pf" + i), instant("pt" + i), instant("cf" + i), instant("ct" + i)));
            parameters.put("c" + i, clients.get(i)[0]);
            parameters.put("pf" + i, Timestamps.utc(group.previous().from()));
            parameters.put("pt" + i, Timestamps.utc(group.previous().to()));
            parameters.put("cf" + i, Timestamps.utc(group.current().from()));
            parameters.put("ct" + i, Timestamps.utc(group.current().to()));
        }
        // Each period's conditions are those of the report, with its own bounds in place of :from and :to.
        String current = "c.ticket_created_at < b.current_to";
        String previous = "c.ticket_created_at < b.previous_to";
        return jdbc.sql("""
                        with bounds(client_id, previous_from, previous_to, current_from, current_to) as (values %s)
                        select c.client_id, c.tier_id, c.metric,
                               %s,
                               %s
                        from ticket_clock c join bounds b on b.client_id = c.client_id
                        where (c.stopped_at is null or c.stopped_at >= b.previous_from)
                          and c.ticket_created_at < b.current_to%s
                        group by c.client_id, c.tier_id, c.metric
                        having count(*) filter (where (%s and (c.stopped_at is null or c.stopped_at >= b.current_from))
                                                   or (%s and (c.stopped_at is null or c.stopped_at >= b.previous_from))) > 0""".formatted(
                                rows,
                                counts(current, "current"),
                                counts(previous, "previous"),
                                ScopeSql.condition(scope, "c.client_id"),
                                current,
                                previous))
                .params(parameters)
                .query((row, i) -> new Tally(
                        row.getObject("client_id", UUID.class),
                        row.getObject("tier_id", UUID.class),
                        Metric.valueOf(row.getString("metric")),
                        new Counts(
                                row.getLong("current_stopped"),
                                row.getLong("current_met"),
                                row.getLong("current_breached"),
                                row.getLong("current_open_breached")),
                        new Counts(
                                row.getLong("previous_stopped"),
                                row.getLong("previous_met"),
                                row.getLong("previous_breached"),
                                row.getLong("previous_open_breached"))))
                .list();
    }

    private static String instant(String parameter) {
        return "cast(:" + parameter + " as timestamp with time zone)";
    }

    /** The four counts of one period, its bounds the columns {@code b.<period>_from} and {@code b.<period>_to}. */
    private static String counts(String created, String period) {
        String stopped =
                STOPPED_WITHIN.replace(":from", "b." + period + "_from").replace(":to", "b." + period + "_to");
        String openBreached = OPEN_BREACHED.replace(":to", "b." + period + "_to");
        return """
                count(*) filter (where %1$s and %2$s) as %4$s_stopped,
                count(*) filter (where %1$s and %2$s and c.state = 'MET') as %4$s_met,
                count(*) filter (where %1$s and %2$s and c.state = 'BREACHED') as %4$s_breached,
                count(*) filter (where %1$s and %3$s) as %4$s_open_breached""".formatted(created, stopped, openBreached, period);
    }

    private static boolean breached(ClockRecord record) {
        return record.breachedAt() != null || record.state() == ClockState.BREACHED;
    }

    private static ClockRecord record(ResultSet row, Instant to) throws SQLException {
        ClockState state = ClockState.valueOf(row.getString("state"));
        Instant breachedAt = Timestamps.instant(row, "breached_at");
        Instant dueAt = Timestamps.instant(row, "due_at");
        if (breachedAt == null && state == ClockState.RUNNING && dueAt != null && dueAt.isBefore(to)) {
            breachedAt = dueAt;
        }
        return new ClockRecord(
                new TicketId(row.getObject("ticket_id", UUID.class)),
                null,
                null,
                row.getObject("client_id", UUID.class),
                row.getObject("tier_id", UUID.class),
                (Integer) row.getObject("policy_version"),
                row.getObject("calendar_id", UUID.class),
                Metric.valueOf(row.getString("metric")),
                state,
                Priority.of(row.getString("priority")),
                Duration.ofSeconds(row.getLong("target_seconds")),
                Duration.ofSeconds(row.getLong("elapsed_seconds")),
                Timestamps.instant(row, "ticket_created_at"),
                breachedAt,
                Timestamps.instant(row, "stopped_at"),
                paused(row));
    }

    /** The stored pause time, or null when the row was written before it was stored. */
    private static Paused paused(ResultSet row) throws SQLException {
        Long customer = (Long) row.getObject("paused_customer_micros", Long.class);
        Long vendor = (Long) row.getObject("paused_vendor_micros", Long.class);
        Long other = (Long) row.getObject("paused_other_micros", Long.class);
        if (customer == null || vendor == null || other == null) {
            return null;
        }
        return new Paused(
                new TicketId(row.getObject("ticket_id", UUID.class)),
                Metric.valueOf(row.getString("metric")),
                Duration.of(customer, ChronoUnit.MICROS),
                Duration.of(vendor, ChronoUnit.MICROS),
                Duration.of(other, ChronoUnit.MICROS));
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
