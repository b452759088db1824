package io.pledge.monitoring.jdbc;

import static io.pledge.core.jdbc.Timestamps.instant;
import static io.pledge.core.jdbc.Timestamps.utc;

import io.pledge.calendar.CalendarId;
import io.pledge.clients.ClientId;
import io.pledge.clients.ContractId;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorDefinition;
import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.MonitorSettings;
import io.pledge.monitoring.Monitors;
import io.pledge.monitoring.uptime.MonitorState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitors in the {@code monitor} table: the definition in columns, its kind's settings as JSON text, the
 * secret as a hash. Runs in the caller's transaction.
 */
@Repository
class JdbcMonitors implements Monitors {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcMonitors(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(Monitor monitor, String secretHash) {
        definition(jdbc.sql("""
                        insert into monitor (id, client_id, contract_id, service, name, kind, settings, interval_seconds,
                          timeout_seconds, down_after, up_after, target, calendar_id, secret_hash, active, created_at,
                          updated_at, status, next_check_at, watched_since)
                        values (:id, :client, :contract, :service, :name, :kind, :settings, :interval, :timeout, :downAfter,
                          :upAfter, :target, :calendar, :secret, :active, :created, :created, 'PENDING', :next, :watched)"""), monitor, secretHash)
                .param("client", monitor.client().value())
                .param("created", utc(monitor.createdAt()))
                // An external monitor's tool reports incidents as they come: silence since creation is data.
                .param("watched", monitor.kind() == MonitorKind.EXTERNAL ? utc(monitor.createdAt()) : null)
                .update();
    }

    @Override
    public void replace(Monitor monitor, String secretHash) {
        definition(jdbc.sql("""
                        update monitor set contract_id = :contract, service = :service, name = :name, kind = :kind,
                          settings = :settings, interval_seconds = :interval, timeout_seconds = :timeout,
                          down_after = :downAfter, up_after = :upAfter, target = :target, calendar_id = :calendar,
                          secret_hash = coalesce(:secret, secret_hash), active = :active, updated_at = :updated,
                          next_check_at = :next
                        where id = :id"""), monitor, secretHash)
                .param("updated", utc(monitor.updatedAt()))
                .update();
    }

    /** Binds what defines a monitor, shared by its insert and its update. */
    private JdbcClient.StatementSpec definition(
            JdbcClient.StatementSpec statement, Monitor monitor, String secretHash) {
        MonitorDefinition definition = monitor.definition();
        MonitorDefinition.Commitment commitment = definition.commitment();
        return statement
                .param("id", monitor.id())
                .param(
                        "contract",
                        commitment.contract() == null
                                ? null
                                : commitment.contract().value())
                .param("service", commitment.service())
                .param("name", definition.name())
                .param("kind", definition.kind().name())
                .param("settings", json.writeValueAsString(definition.probe().settings()))
                .param("interval", (int) definition.schedule().interval().toSeconds())
                .param("timeout", (int) definition.probe().timeout().toSeconds())
                .param("downAfter", definition.schedule().downAfter())
                .param("upAfter", definition.schedule().upAfter())
                .param("target", commitment.target())
                .param(
                        "calendar",
                        commitment.calendar() == null
                                ? null
                                : commitment.calendar().value())
                .param("secret", secretHash)
                .param("active", definition.active())
                .param("next", utc(monitor.standing().nextCheckAt()));
    }

    @Override
    public boolean retire(UUID id, Instant now) {
        return jdbc.sql("update monitor set retired = true, active = false, secret_hash = null, next_check_at = null,"
                                + " updated_at = :now where id = :id and not retired")
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    @Override
    public void restartStatus(UUID id) {
        jdbc.sql("update monitor set status = 'PENDING', status_since = null, failures = 0, successes = 0,"
                        + " run_started_at = null, fast_burn = false, slow_burn = false where id = :id")
                .param("id", id)
                .update();
    }

    @Override
    public Optional<Monitor> find(UUID id, Scope scope) {
        return jdbc.sql("select * from monitor where id = :id and not retired" + ScopeSql.condition(scope, "client_id"))
                .param("id", id)
                .params(ScopeSql.parameters(scope))
                .query(this::monitor)
                .optional();
    }

    @Override
    public List<Monitor> list(ClientId client, Scope scope) {
        return jdbc.sql(
                        "select * from monitor where not retired and (cast(:client as uuid) is null or client_id = :client)"
                                + ScopeSql.condition(scope, "client_id") + " order by name, id")
                .param("client", client == null ? null : client.value())
                .params(ScopeSql.parameters(scope))
                .query(this::monitor)
                .list();
    }

    @Override
    public Optional<Monitor> lockBySecret(String secretHash) {
        return jdbc.sql("select * from monitor where secret_hash = :hash and not retired for update")
                .param("hash", secretHash)
                .query(this::monitor)
                .optional();
    }

    @Override
    public Optional<Monitor> lock(UUID id) {
        return jdbc.sql("select * from monitor where id = :id and not retired for update")
                .param("id", id)
                .query(this::monitor)
                .optional();
    }

    @Override
    public List<Claim> claimDue(Instant now, Instant horizon, int limit) {
        // skip locked: another node's claim in progress is its own, not a reason to wait.
        List<Monitor> due = jdbc.sql("select * from monitor where next_check_at <= :horizon and active"
                        + " order by next_check_at, id limit :limit"
                        + " for update skip locked")
                .param("horizon", utc(horizon))
                .param("limit", limit)
                .query(this::monitor)
                .list();
        List<Claim> claims = new ArrayList<>();
        for (Monitor monitor : due) {
            Instant dueAt = monitor.standing().nextCheckAt();
            Instant next = dueAt.plus(monitor.interval());
            if (!next.isAfter(now)) {
                long behind = Duration.between(next, now).toMillis()
                                / monitor.interval().toMillis()
                        + 1;
                next = next.plus(monitor.interval().multipliedBy(behind));
            }
            claims.add(new Claim(monitor, dueAt));
            jdbc.sql("update monitor set next_check_at = :next where id = :id")
                    .param("next", utc(next))
                    .param("id", monitor.id())
                    .update();
        }
        return claims;
    }

    @Override
    public void saveState(UUID id, MonitorState state, Instant statusSince) {
        jdbc.sql("update monitor set status = :status, status_since = :since, failures = :failures,"
                        + " successes = :successes, run_started_at = :run where id = :id")
                .param("id", id)
                .param("status", state.status().name())
                .param("since", utc(statusSince))
                .param("failures", state.failures())
                .param("successes", state.successes())
                .param("run", utc(state.runStartedAt()))
                .update();
    }

    @Override
    public void saveCheck(UUID id, Monitor.LastCheck check) {
        jdbc.sql("update monitor set last_check_at = :at, last_ok = :ok, last_latency_ms = :latency,"
                        + " last_error = :error, watched_since = coalesce(watched_since, :at) where id = :id")
                .param("id", id)
                .param("at", utc(check.at()))
                .param("ok", check.ok())
                .param("latency", check.latencyMs())
                .param("error", check.error())
                .update();
    }

    @Override
    public void saveBeat(UUID id, Instant at, Instant deadline) {
        jdbc.sql("update monitor set last_beat_at = :at, next_check_at = :deadline,"
                        + " watched_since = coalesce(watched_since, :at) where id = :id")
                .param("id", id)
                .param("at", utc(at))
                .param("deadline", utc(deadline))
                .update();
    }

    @Override
    public void watchedFrom(UUID id, Instant since) {
        jdbc.sql("update monitor set watched_since = :since where id = :id"
                        + " and (watched_since is null or watched_since > :since)")
                .param("id", id)
                .param("since", utc(since))
                .update();
    }

    @Override
    public Optional<Instant> watchedSince(UUID id) {
        return jdbc.sql("select watched_since from monitor where id = :id")
                .param("id", id)
                .query((row, n) -> Optional.ofNullable(instant(row, "watched_since")))
                .optional()
                .flatMap(since -> since);
    }

    @Override
    public void saveBurns(UUID id, boolean fast, boolean slow) {
        jdbc.sql("update monitor set fast_burn = :fast, slow_burn = :slow where id = :id")
                .param("id", id)
                .param("fast", fast)
                .param("slow", slow)
                .update();
    }

    @Override
    public List<Count> countByStatus() {
        return jdbc.sql("""
                        select client_id, kind, monitor_status, count(*) as monitors from (
                          select client_id, kind, case when active then status else 'PAUSED' end as monitor_status
                          from monitor where not retired) live
                        group by client_id, kind, monitor_status""")
                .query((row, i) -> new Count(
                        new ClientId(row.getObject("client_id", UUID.class)),
                        row.getString("kind"),
                        row.getString("monitor_status"),
                        row.getLong("monitors")))
                .list();
    }

    private Monitor monitor(ResultSet row, int n) throws SQLException {
        UUID contract = row.getObject("contract_id", UUID.class);
        UUID calendar = row.getObject("calendar_id", UUID.class);
        MonitorDefinition definition = new MonitorDefinition(
                row.getString("name"),
                new MonitorDefinition.Probe(
                        MonitorKind.valueOf(row.getString("kind")),
                        json.readValue(row.getString("settings"), MonitorSettings.class),
                        Duration.ofSeconds(row.getInt("timeout_seconds"))),
                new MonitorDefinition.Schedule(
                        Duration.ofSeconds(row.getInt("interval_seconds")),
                        row.getInt("down_after"),
                        row.getInt("up_after")),
                new MonitorDefinition.Commitment(
                        contract == null ? null : new ContractId(contract),
                        row.getString("service"),
                        row.getBigDecimal("target").stripTrailingZeros(),
                        calendar == null ? null : new CalendarId(calendar)),
                row.getBoolean("active"));
        MonitorState state = new MonitorState(
                MonitorState.Status.valueOf(row.getString("status")),
                row.getInt("failures"),
                row.getInt("successes"),
                instant(row, "run_started_at"));
        Instant lastCheckAt = instant(row, "last_check_at");
        Monitor.LastCheck lastCheck = lastCheckAt == null
                ? null
                : new Monitor.LastCheck(
                        lastCheckAt,
                        row.getBoolean("last_ok"),
                        row.getInt("last_latency_ms"),
                        row.getString("last_error"));
        return new Monitor(
                row.getObject("id", UUID.class),
                new ClientId(row.getObject("client_id", UUID.class)),
                definition,
                new Monitor.Standing(
                        state,
                        instant(row, "status_since"),
                        instant(row, "next_check_at"),
                        lastCheck,
                        instant(row, "last_beat_at"),
                        row.getBoolean("fast_burn"),
                        row.getBoolean("slow_burn")),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }
}
