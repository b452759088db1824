package io.pledge.monitoring.jdbc;

import static io.pledge.core.jdbc.Timestamps.instant;
import static io.pledge.core.jdbc.Timestamps.utc;

import io.pledge.monitoring.MonitoringGap;
import io.pledge.monitoring.MonitoringGaps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monitoring gaps in the {@code monitoring_gap} table, per node. Runs in the caller's transaction. */
@Repository
class JdbcMonitoringGaps implements MonitoringGaps {

    private final JdbcClient jdbc;

    JdbcMonitoringGaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(MonitoringGap gap, Duration join) {
        Optional<MonitoringGap> last = jdbc.sql("select * from monitoring_gap where node = :node and ended_at >= :since"
                        + " order by ended_at desc limit 1")
                .param("node", gap.node())
                .param("since", utc(gap.start().minus(join)))
                .query(JdbcMonitoringGaps::gap)
                .optional();
        if (last.isPresent()) {
            jdbc.sql("update monitoring_gap set ended_at = :end, checks = checks + :checks, failures = failures +"
                            + " :failures where id = :id and ended_at < :end")
                    .param("id", last.get().id())
                    .param("end", utc(gap.end()))
                    .param("checks", gap.checks())
                    .param("failures", gap.failures())
                    .update();
            return;
        }
        jdbc.sql("insert into monitoring_gap (id, node, started_at, ended_at, reason, checks, failures)"
                        + " values (:id, :node, :start, :end, :reason, :checks, :failures)")
                .param("id", gap.id())
                .param("node", gap.node())
                .param("start", utc(gap.start()))
                .param("end", utc(gap.end()))
                .param("reason", gap.reason())
                .param("checks", gap.checks())
                .param("failures", gap.failures())
                .update();
    }

    @Override
    public List<MonitoringGap> between(Instant from, Instant to) {
        return jdbc.sql("select * from monitoring_gap where started_at < :to and ended_at > :from order by started_at")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(JdbcMonitoringGaps::gap)
                .list();
    }

    private static MonitoringGap gap(ResultSet row, int n) throws SQLException {
        return new MonitoringGap(
                row.getObject("id", UUID.class),
                row.getString("node"),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                row.getString("reason"),
                row.getInt("checks"),
                row.getInt("failures"));
    }
}
