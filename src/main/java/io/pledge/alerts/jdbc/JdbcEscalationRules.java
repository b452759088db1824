package io.pledge.alerts.jdbc;

import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.EscalationRules;
import io.pledge.clients.ClientId;
import io.pledge.clients.TierId;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rule versions in the {@code escalation_rule} table, one row per version. */
@Repository
@Transactional
class JdbcEscalationRules implements EscalationRules {

    private static final String CURRENT = """
            select * from escalation_rule r
            where r.version = (select max(v.version) from escalation_rule v where v.id = r.id)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcEscalationRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public EscalationRule save(EscalationRule rule) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from escalation_rule where id = :id")
                .param("id", rule.id())
                .query(Integer.class)
                .single();
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                        insert into escalation_rule (id, version, name, tier_id, priority, metric, client_id,
                                                     fires_on, threshold, action, target, secret, active, created_at)
                        values (:id, :version, :name, :tier, :priority, :metric, :client, :firesOn, :threshold,
                                :action, :target, :secret, :active, :now)""")
                .param("id", rule.id())
                .param("version", version)
                .param("name", rule.name())
                .param("tier", rule.tierId() == null ? null : rule.tierId().value())
                .param(
                        "priority",
                        rule.priority() == null ? null : rule.priority().code())
                .param("metric", rule.metric() == null ? null : rule.metric().name())
                .param(
                        "client",
                        rule.clientId() == null ? null : rule.clientId().value())
                .param("firesOn", rule.firesOn().name())
                .param(
                        "threshold",
                        rule.threshold() == null ? null : rule.threshold().key())
                .param("action", rule.action().name())
                .param("target", rule.target())
                .param("secret", rule.secret())
                .param("active", rule.active())
                .param("now", Timestamps.utc(now))
                .update();
        return find(rule.id(), version).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EscalationRule> current() {
        return jdbc.sql(CURRENT + " and r.active order by r.name, r.id")
                .query(JdbcEscalationRules::rule)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EscalationRule> current(UUID id) {
        return jdbc.sql(CURRENT + " and r.id = :id")
                .param("id", id)
                .query(JdbcEscalationRules::rule)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EscalationRule> find(UUID id, int version) {
        return jdbc.sql("select * from escalation_rule where id = :id and version = :version")
                .param("id", id)
                .param("version", version)
                .query(JdbcEscalationRules::rule)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EscalationRule> versions(UUID id) {
        return jdbc.sql("select * from escalation_rule where id = :id order by version")
                .param("id", id)
                .query(JdbcEscalationRules::rule)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EscalationRule> matching(
            TierId tier, Priority priority, Metric metric, ClientId client, Threshold threshold) {
        return jdbc.sql(CURRENT + """
                         and r.active and r.fires_on = 'THRESHOLD' and r.threshold = :threshold
                         and (r.tier_id is null or r.tier_id = :tier)
                         and (r.priority is null or r.priority = :priority)
                         and (r.metric is null or r.metric = :metric)
                         and (r.client_id is null or r.client_id = :client)
                        order by r.id""")
                .param("threshold", threshold.key())
                .param("tier", tier == null ? null : tier.value())
                .param("priority", priority.code())
                .param("metric", metric.name())
                .param("client", client.value())
                .query(JdbcEscalationRules::rule)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EscalationRule> matching(EscalationRule.FiresOn event, ClientId client) {
        return jdbc.sql(CURRENT + """
                         and r.active and r.fires_on = :event and (r.client_id is null or r.client_id = :client)
                        order by r.id""")
                .param("event", event.name())
                .param("client", client.value())
                .query(JdbcEscalationRules::rule)
                .list();
    }

    private static EscalationRule rule(ResultSet row, int index) throws SQLException {
        UUID tier = row.getObject("tier_id", UUID.class);
        String priority = row.getString("priority");
        String metric = row.getString("metric");
        UUID client = row.getObject("client_id", UUID.class);
        String threshold = row.getString("threshold");
        return new EscalationRule(
                row.getObject("id", UUID.class),
                row.getInt("version"),
                row.getString("name"),
                tier == null ? null : new TierId(tier),
                priority == null ? null : Priority.of(priority),
                metric == null ? null : Metric.valueOf(metric),
                client == null ? null : new ClientId(client),
                EscalationRule.FiresOn.valueOf(row.getString("fires_on")),
                threshold == null ? null : Threshold.parse(threshold),
                EscalationRule.Action.valueOf(row.getString("action")),
                row.getString("target"),
                row.getString("secret"),
                row.getBoolean("active"),
                Timestamps.instant(row, "created_at"));
    }
}
