package io.pledge.monitoring.jdbc;

import static io.pledge.core.jdbc.Timestamps.instant;
import static io.pledge.core.jdbc.Timestamps.utc;

import io.pledge.monitoring.Downtime;
import io.pledge.monitoring.Downtimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Downtime in the {@code downtime} table, open while {@code ended_at} is null. Runs in the caller's transaction. */
@Repository
class JdbcDowntimes implements Downtimes {

    private final JdbcClient jdbc;

    JdbcDowntimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(UUID monitorId, Instant start, String source, String reason, Instant now) {
        insert(monitorId, start, null, source, null, reason, now);
    }

    @Override
    public boolean addAlert(
            UUID monitorId, String key, Instant start, Instant end, String source, String reason, Instant now) {
        boolean exists = jdbc.sql("select count(*) from downtime where monitor_id = :monitor and alert_key = :key")
                        .param("monitor", monitorId)
                        .param("key", key)
                        .query(Integer.class)
                        .single()
                > 0;
        if (exists) {
            return false;
        }
        insert(monitorId, start, end, source, key, reason, now);
        return true;
    }

    private void insert(
            UUID monitorId, Instant start, Instant end, String source, String key, String reason, Instant now) {
        jdbc.sql("insert into downtime (id, monitor_id, started_at, ended_at, source, alert_key, reason, opened_at,"
                        + " closed_at) values (:id, :monitor, :start, :end, :source, :key, :reason, :now, :closed)")
                .param("id", UUID.randomUUID())
                .param("monitor", monitorId)
                .param("start", utc(start))
                .param("end", utc(end))
                .param("source", source)
                .param("key", key)
                .param("reason", reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000))
                .param("now", utc(now))
                .param("closed", end == null ? null : utc(now))
                .update();
    }

    @Override
    public List<Downtime> closeOpen(UUID monitorId, List<String> sources, Instant end, Instant now) {
        List<Downtime> open = openOf(monitorId).stream()
                .filter(d -> sources.contains(d.source()))
                .toList();
        for (Downtime downtime : open) {
            close(downtime.id(), end, now);
        }
        return open;
    }

    @Override
    public Optional<Downtime> closeAlert(UUID monitorId, String key, Instant end, Instant now) {
        Optional<Downtime> open =
                openOf(monitorId).stream().filter(d -> key.equals(d.alertKey())).findFirst();
        open.ifPresent(d -> close(d.id(), end, now));
        return open;
    }

    private void close(UUID id, Instant end, Instant now) {
        jdbc.sql("update downtime set ended_at = :end, closed_at = :now where id = :id and ended_at is null")
                .param("id", id)
                .param("end", utc(end))
                .param("now", utc(now))
                .update();
    }

    @Override
    public void endOpen(UUID monitorId, Instant now) {
        jdbc.sql("update downtime set ended_at = :now, closed_at = :now where monitor_id = :id and ended_at is null")
                .param("id", monitorId)
                .param("now", utc(now))
                .update();
    }

    @Override
    public List<Downtime> openOf(UUID monitorId) {
        return jdbc.sql("select * from downtime where monitor_id = :monitor and ended_at is null order by started_at")
                .param("monitor", monitorId)
                .query(JdbcDowntimes::downtime)
                .list();
    }

    @Override
    public List<Downtime> overlapping(UUID monitorId, Instant from, Instant to) {
        return jdbc.sql("select * from downtime where monitor_id = :monitor and started_at < :to"
                        + " and (ended_at is null or ended_at > :from) order by started_at, id")
                .param("monitor", monitorId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(JdbcDowntimes::downtime)
                .list();
    }

    private static Downtime downtime(ResultSet row, int n) throws SQLException {
        return new Downtime(
                row.getObject("id", UUID.class),
                row.getObject("monitor_id", UUID.class),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                row.getString("source"),
                row.getString("alert_key"),
                row.getString("reason"));
    }
}
