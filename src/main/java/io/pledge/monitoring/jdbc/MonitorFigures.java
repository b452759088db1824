package io.pledge.monitoring.jdbc;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monitors counted by client, kind and status in one aggregate query, for gauges. */
@Repository
public class MonitorFigures {

    private final JdbcClient jdbc;

    MonitorFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many monitors of a client and kind are in a status. */
    public record MonitorCount(UUID client, String kind, String status, long count) {}

    /**
     * Monitors not retired, by their confirmed status ({@code PENDING}, {@code UP}, {@code DOWN}), or
     * {@code PAUSED} while switched off ({@code active} false).
     */
    public List<MonitorCount> byStatus() {
        return jdbc.sql("""
                        select client_id, kind, monitor_status, count(*) as monitors from (
                          select client_id, kind, case when active then status else 'PAUSED' end as monitor_status
                          from monitor where not retired) live
                        group by client_id, kind, monitor_status""")
                .query((row, i) -> new MonitorCount(
                        row.getObject("client_id", UUID.class),
                        row.getString("kind"),
                        row.getString("monitor_status"),
                        row.getLong("monitors")))
                .list();
    }
}
