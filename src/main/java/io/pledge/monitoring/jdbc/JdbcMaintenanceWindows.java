package io.pledge.monitoring.jdbc;

import static io.pledge.core.jdbc.Timestamps.instant;
import static io.pledge.core.jdbc.Timestamps.utc;

import io.pledge.clients.ClientId;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.monitoring.MaintenanceWindows;
import io.pledge.monitoring.StoredMaintenanceWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance windows in the {@code maintenance_window} table. Runs in the caller's transaction. */
@Repository
class JdbcMaintenanceWindows implements MaintenanceWindows {

    private final JdbcClient jdbc;

    JdbcMaintenanceWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StoredMaintenanceWindow window) {
        jdbc.sql(
                        "insert into maintenance_window (id, client_id, monitor_id, name, recurrence, starts_at, ends_at, zone,"
                                + " days, start_time, duration_seconds, created_at, retroactive, reason) values (:id, :client,"
                                + " :monitor, :name, :recurrence, :starts, :ends, :zone, :days, :start, :duration, :created,"
                                + " :retroactive, :reason)")
                .param("id", window.id())
                .param("client", window.client().value())
                .param("monitor", window.monitorId())
                .param("name", window.name())
                .param("recurrence", window.recurrence())
                .param("starts", utc(window.startsAt()))
                .param("ends", utc(window.endsAt()))
                .param("zone", window.zone())
                .param("days", window.days())
                .param("start", window.startTime())
                .param("duration", window.durationSeconds())
                .param("created", utc(window.createdAt()))
                .param("retroactive", window.retroactive())
                .param("reason", window.reason())
                .update();
    }

    @Override
    public Optional<StoredMaintenanceWindow> find(UUID id) {
        return jdbc.sql("select * from maintenance_window where id = :id")
                .param("id", id)
                .query(JdbcMaintenanceWindows::window)
                .optional();
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.sql("delete from maintenance_window where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public List<StoredMaintenanceWindow> of(ClientId client, UUID monitorId, Scope scope) {
        return jdbc.sql("select * from maintenance_window where (cast(:client as uuid) is null or client_id = :client)"
                        + " and (cast(:monitor as uuid) is null or monitor_id is null or monitor_id = :monitor)"
                        + ScopeSql.condition(scope, "client_id") + " order by created_at, id")
                .param("client", client == null ? null : client.value())
                .param("monitor", monitorId)
                .params(ScopeSql.parameters(scope))
                .query(JdbcMaintenanceWindows::window)
                .list();
    }

    private static StoredMaintenanceWindow window(ResultSet row, int n) throws SQLException {
        Object duration = row.getObject("duration_seconds");
        return new StoredMaintenanceWindow(
                row.getObject("id", UUID.class),
                new ClientId(row.getObject("client_id", UUID.class)),
                row.getObject("monitor_id", UUID.class),
                row.getString("name"),
                row.getString("recurrence"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.getString("zone"),
                row.getString("days"),
                row.getString("start_time"),
                duration == null ? null : row.getInt("duration_seconds"),
                instant(row, "created_at"),
                row.getBoolean("retroactive"),
                row.getString("reason"));
    }
}
