package io.pledge.trust.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.trust.Incident;
import io.pledge.trust.Incidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcIncidents implements Incidents {

    private static final String COLUMNS =
            "select id, page_id, title, impact, status, started_at, resolved_at, updated_at from trust_incident";

    private final JdbcClient jdbc;

    JdbcIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Incident incident) {
        jdbc.sql("""
                        insert into trust_incident (id, page_id, title, impact, status, started_at, resolved_at, updated_at)
                        values (:id, :page, :title, :impact, :status, :started, :resolved, :updated)""")
                .param("id", incident.id())
                .param("page", incident.page())
                .param("title", incident.title())
                .param("impact", incident.impact().name())
                .param("status", incident.status().name())
                .param("started", Timestamps.utc(incident.startedAt()))
                .param("resolved", Timestamps.utc(incident.resolvedAt()))
                .param("updated", Timestamps.utc(incident.updatedAt()))
                .update();
        for (UUID monitor : incident.systems()) {
            jdbc.sql("insert into trust_incident_system (incident_id, monitor_id) values (:incident, :monitor)")
                    .param("incident", incident.id())
                    .param("monitor", monitor)
                    .update();
        }
        for (Incident.Update update : incident.updates()) {
            insertUpdate(incident.id(), update);
        }
    }

    @Override
    public void addUpdate(UUID incident, Incident.Update update, Instant resolvedAt) {
        // The incident's row first: its lock numbers concurrent updates one after the other.
        jdbc.sql("""
                        update trust_incident set status = :status, resolved_at = :resolved, updated_at = :at
                        where id = :id""")
                .param("id", incident)
                .param("status", update.status().name())
                .param("resolved", Timestamps.utc(resolvedAt))
                .param("at", Timestamps.utc(update.at()))
                .update();
        insertUpdate(incident, update);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Incident> find(UUID page, UUID incident) {
        return read(COLUMNS + " where page_id = :page and id = :id", Map.of("page", page, "id", incident)).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Incident> of(UUID page, Instant since) {
        return read(
                COLUMNS + " where page_id = :page and (started_at >= :since or resolved_at is null)"
                        + " order by started_at desc, id",
                Map.of("page", page, "since", Timestamps.utc(since)));
    }

    @Override
    public boolean remove(UUID page, UUID incident) {
        return jdbc.sql("delete from trust_incident where page_id = :page and id = :id")
                        .param("page", page)
                        .param("id", incident)
                        .update()
                > 0;
    }

    private void insertUpdate(UUID incident, Incident.Update update) {
        jdbc.sql("""
                        insert into trust_incident_update (id, incident_id, position, status, body, at)
                        values (:id, :incident,
                                (select coalesce(max(position), 0) + 1 from trust_incident_update
                                 where incident_id = :incident),
                                :status, :body, :at)""")
                .param("id", update.id())
                .param("incident", incident)
                .param("status", update.status().name())
                .param("body", update.body())
                .param("at", Timestamps.utc(update.at()))
                .update();
    }

    private List<Incident> read(String sql, Map<String, ?> params) {
        record Row(
                UUID id,
                UUID page,
                String title,
                String impact,
                String status,
                Instant started,
                Instant resolved,
                Instant updated) {}
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((row, index) -> new Row(
                        row.getObject("id", UUID.class),
                        row.getObject("page_id", UUID.class),
                        row.getString("title"),
                        row.getString("impact"),
                        row.getString("status"),
                        Timestamps.instant(row, "started_at"),
                        Timestamps.instant(row, "resolved_at"),
                        Timestamps.instant(row, "updated_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<UUID>> systems = new HashMap<>();
        jdbc.sql("select incident_id, monitor_id from trust_incident_system where incident_id in (:ids)"
                        + " order by incident_id, monitor_id")
                .param("ids", ids)
                .query((row, index) -> systems.computeIfAbsent(
                                row.getObject("incident_id", UUID.class), k -> new ArrayList<>())
                        .add(row.getObject("monitor_id", UUID.class)))
                .list();
        Map<UUID, List<Incident.Update>> updates = new HashMap<>();
        jdbc.sql("select id, incident_id, status, body, at from trust_incident_update where incident_id in (:ids)"
                        + " order by incident_id, position")
                .param("ids", ids)
                .query((row, index) -> updates.computeIfAbsent(
                                row.getObject("incident_id", UUID.class), k -> new ArrayList<>())
                        .add(new Incident.Update(
                                row.getObject("id", UUID.class),
                                Incident.Status.valueOf(row.getString("status")),
                                row.getString("body"),
                                Timestamps.instant(row, "at"))))
                .list();
        return rows.stream()
                .map(r -> new Incident(
                        r.id(),
                        r.page(),
                        r.title(),
                        Incident.Impact.valueOf(r.impact()),
                        Incident.Status.valueOf(r.status()),
                        systems.getOrDefault(r.id(), List.of()),
                        r.started(),
                        r.resolved(),
                        r.updated(),
                        updates.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
