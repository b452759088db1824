package io.pledge.tickets.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.BulkInsert;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events in {@code ticket_event}, appended in bulk (COPY on PostgreSQL). */
@Repository
class JdbcTicketEvents implements TicketEvents {

    private static final List<String> COLUMNS = List.of(
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

    /** Tickets per statement where a statement lists them: PostgreSQL takes at most 32,767 parameters. */
    private static final int IDS_PER_STATEMENT = 1000;

    private final JdbcClient jdbc;
    private final BulkInsert bulk;

    JdbcTicketEvents(JdbcClient jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    @Override
    public void append(List<RecordedEvent> events) {
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
        bulk.insert("ticket_event", COLUMNS, rows);
    }

    @Override
    public List<RecordedEvent> of(TicketId ticket, Scope scope) {
        return of(List.of(ticket), scope).getOrDefault(ticket, List.of());
    }

    @Override
    public Map<TicketId, List<RecordedEvent>> of(Collection<TicketId> tickets, Scope scope) {
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
                .query(JdbcTicketEvents::event)
                .list()
                .forEach(event -> events.computeIfAbsent(event.ticket(), id -> new ArrayList<>())
                        .add(event.within(scope)));
        return events;
    }

    @Override
    public List<String> eventIds(String source) {
        return jdbc.sql("select event_id from ticket_event where source = :source and event_id is not null")
                .param("source", source)
                .query(String.class)
                .list();
    }

    @Override
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

    @Override
    public long nextSeq(TicketId ticket) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from ticket_event where ticket_id = :ticket")
                .param("ticket", ticket.value())
                .query(Long.class)
                .single();
    }

    @Override
    public Map<TicketId, Long> nextSeqs(Collection<TicketId> tickets) {
        Map<TicketId, Long> next = new HashMap<>();
        List<UUID> ids = tickets.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            jdbc.sql("select ticket_id, max(seq) + 1 as next from ticket_event where ticket_id in (:tickets)"
                            + " group by ticket_id")
                    .param("tickets", ids.subList(from, Math.min(from + IDS_PER_STATEMENT, ids.size())))
                    .query((row, i) ->
                            next.put(new TicketId(row.getObject("ticket_id", UUID.class)), row.getLong("next")))
                    .list();
        }
        return next;
    }

    private static RecordedEvent event(ResultSet row, int index) throws SQLException {
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
