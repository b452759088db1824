package io.pledge.advisor.jdbc;

import io.pledge.advisor.Goal;
import io.pledge.advisor.Goals;
import io.pledge.clients.TierId;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcGoals implements Goals {

    private static final String COLUMNS = "tier_id, priority, metric, goal_seconds, updated_at, updated_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcGoals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Goal> all() {
        return jdbc.sql("select " + COLUMNS + " from advisor_goal order by tier_id, priority, metric")
                .query(JdbcGoals::goal)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Goal> find(TierId tier, Priority priority, Metric metric) {
        return jdbc.sql("select " + COLUMNS
                        + " from advisor_goal where tier_id = :tier and priority = :priority and metric = :metric")
                .param("tier", tier.value())
                .param("priority", priority.code())
                .param("metric", metric.name())
                .query(JdbcGoals::goal)
                .optional();
    }

    @Override
    public Goal put(TierId tier, Priority priority, Metric metric, Duration goal, String author) {
        OffsetDateTime now = Timestamps.utc(Timestamps.now(clock));
        int updated = jdbc.sql("""
                        update advisor_goal set goal_seconds = :goal, updated_at = :now, updated_by = :author
                        where tier_id = :tier and priority = :priority and metric = :metric""")
                .param("tier", tier.value())
                .param("priority", priority.code())
                .param("metric", metric.name())
                .param("goal", goal.toSeconds())
                .param("now", now)
                .param("author", author)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into advisor_goal (" + COLUMNS + ")"
                                + " values (:tier, :priority, :metric, :goal, :now, :author)")
                        .param("tier", tier.value())
                        .param("priority", priority.code())
                        .param("metric", metric.name())
                        .param("goal", goal.toSeconds())
                        .param("now", now)
                        .param("author", author)
                        .update();
            } catch (DuplicateKeyException concurrentFirstPut) {
                // Another request set this goal meanwhile; on PostgreSQL this transaction cannot go on.
                throw new ConflictException("goal", "was set by someone else at the same moment; send it again");
            }
        }
        return new Goal(tier, priority, metric, Duration.ofSeconds(goal.toSeconds()), now.toInstant(), author);
    }

    @Override
    public boolean remove(TierId tier, Priority priority, Metric metric) {
        return jdbc.sql("delete from advisor_goal where tier_id = :tier and priority = :priority and metric = :metric")
                        .param("tier", tier.value())
                        .param("priority", priority.code())
                        .param("metric", metric.name())
                        .update()
                > 0;
    }

    private static Goal goal(ResultSet row, int index) throws SQLException {
        return new Goal(
                new TierId(row.getObject("tier_id", UUID.class)),
                Priority.of(row.getString("priority")),
                Metric.valueOf(row.getString("metric")),
                Duration.ofSeconds(row.getLong("goal_seconds")),
                Timestamps.instant(row, "updated_at"),
                row.getString("updated_by"));
    }
}
