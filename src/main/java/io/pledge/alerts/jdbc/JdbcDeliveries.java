package io.pledge.alerts.jdbc;

import io.pledge.alerts.Deliveries;
import io.pledge.alerts.Delivery;
import io.pledge.alerts.EscalationRule;
import io.pledge.core.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries in the {@code delivery} table. Claims lock rows with {@code for update skip locked}, so that
 * several nodes sending at once each take other rows. No transactions of its own: the caller's decides
 * what a claim holds.
 */
@Repository
class JdbcDeliveries implements Deliveries {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    JdbcDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Delivery delivery) {
        jdbc.sql("""
                        insert into delivery (id, rule_id, rule_version, idempotency_key, ticket_id, monitor_id,
                                              action, target, payload, state, attempts, next_attempt_at, created_at)
                        values (:id, :rule, :version, :key, :ticket, :monitor, :action, :target, :payload, 'PENDING',
                                0, :next, :created)""")
                .param("id", delivery.id())
                .param("rule", delivery.ruleId())
                .param("version", delivery.ruleVersion())
                .param("key", delivery.idempotencyKey())
                .param("ticket", delivery.ticketId())
                .param("monitor", delivery.monitorId())
                .param("action", delivery.action().name())
                .param("target", delivery.target())
                .param("payload", delivery.payload())
                .param("next", Timestamps.utc(delivery.nextAttemptAt()))
                .param("created", Timestamps.utc(delivery.createdAt()))
                .update();
    }

    @Override
    public List<Delivery> claim(Instant now, int limit) {
        return jdbc.sql("select * from delivery where state = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at, id limit :limit for update skip locked")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(JdbcDeliveries::delivery)
                .list();
    }

    @Override
    public Optional<Delivery> claim(UUID id) {
        return jdbc.sql("select * from delivery where id = :id and state = 'PENDING' for update skip locked")
                .param("id", id)
                .query(JdbcDeliveries::delivery)
                .optional();
    }

    @Override
    public void sent(UUID id, int attempts, Instant now) {
        jdbc.sql("update delivery set state = 'SENT', attempts = :attempts, sent_at = :now, next_attempt_at = null,"
                        + " last_error = null where id = :id")
                .param("attempts", attempts)
                .param("now", Timestamps.utc(now))
                .param("id", id)
                .update();
    }

    @Override
    public void failed(UUID id, int attempts, Instant next, String error) {
        jdbc.sql("update delivery set state = :state, attempts = :attempts, next_attempt_at = :next,"
                        + " last_error = :error where id = :id")
                .param("state", next == null ? "DEAD" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamps.utc(next))
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .param("id", id)
                .update();
    }

    @Override
    public List<Delivery> list(Delivery.State state, int limit) {
        return jdbc.sql("select * from delivery where state = :state order by created_at desc, id limit :limit")
                .param("state", state.name())
                .param("limit", limit)
                .query(JdbcDeliveries::delivery)
                .list();
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from delivery where id = :id")
                .param("id", id)
                .query(JdbcDeliveries::delivery)
                .optional();
    }

    @Override
    public boolean retry(UUID id, Instant now) {
        return jdbc.sql("update delivery set state = 'PENDING', next_attempt_at = :now where id = :id"
                                + " and state = 'DEAD'")
                        .param("now", Timestamps.utc(now))
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public List<Backlog> backlog() {
        return jdbc.sql("""
                        select state, action, count(*) as deliveries, min(created_at) as oldest from delivery
                        where state in ('PENDING', 'DEAD') group by state, action""")
                .query((row, i) -> new Backlog(
                        Delivery.State.valueOf(row.getString("state")),
                        EscalationRule.Action.valueOf(row.getString("action")),
                        row.getLong("deliveries"),
                        Timestamps.instant(row, "oldest")))
                .list();
    }

    private static Delivery delivery(ResultSet row, int index) throws SQLException {
        return new Delivery(
                row.getObject("id", UUID.class),
                row.getObject("rule_id", UUID.class),
                row.getInt("rule_version"),
                row.getString("idempotency_key"),
                row.getObject("ticket_id", UUID.class),
                row.getObject("monitor_id", UUID.class),
                EscalationRule.Action.valueOf(row.getString("action")),
                row.getString("target"),
                row.getString("payload"),
                Delivery.State.valueOf(row.getString("state")),
                row.getInt("attempts"),
                Timestamps.instant(row, "next_attempt_at"),
                row.getString("last_error"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "sent_at"));
    }
}
