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
import io.pledge.monitoring.uptime.MonitorState;
import io.pledge.monitoring.uptime.Span;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Monitors, their downtime, check statistics, maintenance windows and monitoring gaps, in plain SQL. */
@Repository
public class MonitoringStore {

    /** Upper bounds (ms) of the latency histogram columns; the last column holds the rest. */
    public static final int[] LATENCY_BOUNDS = {100, 250, 500, 1000, 2500, 5000, 10000};

    private static final String[] LATENCY_COLUMNS = {
        "le_100", "le_250", "le_500", "le_1000", "le_2500", "le_5000", "le_10000", "over_10000"
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MonitoringStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Monitors

    public void insert(Monitor monitor, String secretHash) {
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

    /** Replaces a monitor's definition (not its state); the secret too when {@code secretHash} is not null. */
    public void update(Monitor monitor, String secretHash) {
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
                .param("contract", commitment.contract() == null ? null : commitment.contract().value())
                .param("service", commitment.service())
                .param("name", definition.name())
                .param("kind", definition.kind().name())
                .param("settings", json.writeValueAsString(definition.probe().settings()))
                .param("interval", (int) definition.schedule().interval().toSeconds())
                .param("timeout", (int) definition.probe().timeout().toSeconds())
                .param("downAfter", definition.schedule().downAfter())
                .param("upAfter", definition.schedule().upAfter())
                .param("target", commitment.target())
                .param("calendar", commitment.calendar() == null ? null : commitment.calendar().value())
                .param("secret", secretHash)
                .param("active", definition.active())
                .param("next", utc(monitor.standing().nextCheckAt()));
    }

    /** Retires a monitor: no more checks, gone from the API; its downtime stays on record. */
    public boolean retire(UUID id, Instant now) {
        return jdbc.sql("update monitor set retired = true, active = false, secret_hash = null, next_check_at = null,"
                                + " updated_at = :now where id = :id and not retired")
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    /**
     * Ends what a monitor that stops being watched leaves open: its downtime ends now (nothing is known
     * after), and its status starts again from PENDING.
     */
    public void stopWatching(UUID id, Instant now) {
        jdbc.sql("update downtime set ended_at = :now, closed_at = :now where monitor_id = :id and ended_at is null")
                .param("id", id)
                .param("now", utc(now))
                .update();
        jdbc.sql("update monitor set status = 'PENDING', status_since = null, failures = 0, successes = 0,"
                        + " run_started_at = null, fast_burn = false, slow_burn = false where id = :id")
                .param("id", id)
                .update();
    }

    /** A monitor within the scope (another client's is not found). */
    public Optional<Monitor> find(UUID id, Scope scope) {
        return jdbc.sql("select * from monitor where id = :id and not retired" + ScopeSql.condition(scope, "client_id"))
                .param("id", id)
                .params(ScopeSql.parameters(scope))
                .query(this::monitor)
                .optional();
    }

    /** The client's monitors (all clients' when null) within the scope, by name. */
    public List<Monitor> list(UUID clientId, Scope scope) {
        return jdbc.sql(
                        "select * from monitor where not retired and (cast(:client as uuid) is null or client_id = :client)"
                                + ScopeSql.condition(scope, "client_id") + " order by name, id")
                .param("client", clientId)
                .params(ScopeSql.parameters(scope))
                .query(this::monitor)
                .list();
    }

    /** Locks the monitor whose secret has this hash, for a heartbeat or an inbound alert. */
    public Optional<Monitor> lockBySecret(String secretHash) {
        return jdbc.sql("select * from monitor where secret_hash = :hash and not retired for update")
                .param("hash", secretHash)
                .query(this::monitor)
                .optional();
    }

    /** Locks a monitor for a change of its state. */
    public Optional<Monitor> lock(UUID id) {
        return jdbc.sql("select * from monitor where id = :id and not retired for update")
                .param("id", id)
                .query(this::monitor)
                .optional();
    }

    /** A monitor claimed for a check: the instant the check was due. */
    public record Claim(Monitor monitor, Instant dueAt) {}

    /**
     * Claims active monitors (probes, heartbeat deadlines, burn-rate reviews of external ones) due by {@code horizon}, earliest first,
     * skipping rows another node holds, and moves each one's next check on by whole intervals past
     * {@code now}, so that its offset in the interval stays. Call in a transaction: the move is the claim.
     */
    public List<Claim> claimDue(Instant now, Instant horizon, int limit) {
        List<Monitor> due = jdbc.sql("select * from monitor where next_check_at <= :horizon and active"
                        + " order by next_check_at, id limit :limit"
                        + " for update skip locked")
                .param("horizon", utc(horizon))
                .param("limit", limit)
                .query(this::monitor)
                .list();
        List<Object[]> moves = new java.util.ArrayList<>();
        List<Claim> claims = new java.util.ArrayList<>();
        for (Monitor monitor : due) {
            Instant dueAt = monitor.standing().nextCheckAt();
            Instant next = dueAt.plus(monitor.interval());
            if (!next.isAfter(now)) {
                long behind = Duration.between(next, now).toMillis()
                                / monitor.interval().toMillis()
                        + 1;
                next = next.plus(monitor.interval().multipliedBy(behind));
            }
            moves.add(new Object[] {utc(next), monitor.id()});
            claims.add(new Claim(monitor, dueAt));
        }
        for (Object[] move : moves) {
            jdbc.sql("update monitor set next_check_at = ? where id = ?")
                    .params(move)
                    .update();
        }
        return claims;
    }

    /** Stores a monitor's state after a check, a heartbeat or an alert. */
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

    /** Stores a check's outcome; the first one recorded starts the monitor's coverage. */
    public void saveCheck(UUID id, Instant at, boolean ok, int latencyMs, String error) {
        jdbc.sql("update monitor set last_check_at = :at, last_ok = :ok, last_latency_ms = :latency,"
                        + " last_error = :error, watched_since = coalesce(watched_since, :at) where id = :id")
                .param("id", id)
                .param("at", utc(at))
                .param("ok", ok)
                .param("latency", latencyMs)
                .param("error", error)
                .update();
    }

    /** Stores a heartbeat; the first one (or a missed deadline) starts the monitor's coverage. */
    public void saveBeat(UUID id, Instant at, Instant deadline) {
        jdbc.sql("update monitor set last_beat_at = :at, next_check_at = :deadline,"
                        + " watched_since = coalesce(watched_since, :at) where id = :id")
                .param("id", id)
                .param("at", utc(at))
                .param("deadline", utc(deadline))
                .update();
    }

    /**
     * Moves the start of the monitor's coverage back to {@code since} when it is later or unset: data about
     * that instant has come (a missed heartbeat deadline, an alert that started before).
     */
    public void watchedFrom(UUID id, Instant since) {
        jdbc.sql("update monitor set watched_since = :since where id = :id"
                        + " and (watched_since is null or watched_since > :since)")
                .param("id", id)
                .param("since", utc(since))
                .update();
    }

    /** Since when the monitor has data; empty while it has none. */
    public Optional<Instant> watchedSince(UUID id) {
        return jdbc.sql("select watched_since from monitor where id = :id")
                .param("id", id)
                .query((row, n) -> Optional.ofNullable(instant(row, "watched_since")))
                .optional()
                .flatMap(since -> since);
    }

    public void saveBurns(UUID id, boolean fast, boolean slow) {
        jdbc.sql("update monitor set fast_burn = :fast, slow_burn = :slow where id = :id")
                .param("id", id)
                .param("fast", fast)
                .param("slow", slow)
                .update();
    }

    // Downtime

    /** One downtime interval; {@code end} null while open. */
    public record Downtime(
            UUID id, UUID monitorId, Instant start, Instant end, String source, String alertKey, String reason) {

        public Span until(Instant now) {
            Instant to = end == null || end.isAfter(now) ? now : end;
            return Span.of(start, to.isBefore(start) ? start : to);
        }
    }

    public void openDowntime(UUID monitorId, Instant start, String source, String reason, Instant now) {
        insertDowntime(monitorId, start, null, source, null, reason, now);
    }

    /**
     * Inserts an alert's downtime unless one with its key is already stored (an alert sent twice); true
     * when inserted.
     */
    public boolean insertAlertDowntime(
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
        insertDowntime(monitorId, start, end, source, key, reason, now);
        return true;
    }

    private void insertDowntime(
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

    /** Closes the monitor's open downtime of these sources at {@code end}; returns those closed, as they were. */
    public List<Downtime> closeOpen(UUID monitorId, List<String> sources, Instant end, Instant now) {
        List<Downtime> open = openDowntime(monitorId).stream()
                .filter(d -> sources.contains(d.source()))
                .toList();
        for (Downtime downtime : open) {
            closeDowntime(downtime.id(), end, now);
        }
        return open;
    }

    /** Closes an alert's downtime by key, if open; true when closed now. */
    public Optional<Downtime> closeAlert(UUID monitorId, String key, Instant end, Instant now) {
        Optional<Downtime> open = openDowntime(monitorId).stream()
                .filter(d -> key.equals(d.alertKey()))
                .findFirst();
        open.ifPresent(d -> closeDowntime(d.id(), end, now));
        return open;
    }

    private void closeDowntime(UUID id, Instant end, Instant now) {
        jdbc.sql("update downtime set ended_at = :end, closed_at = :now where id = :id and ended_at is null")
                .param("id", id)
                .param("end", utc(end))
                .param("now", utc(now))
                .update();
    }

    public List<Downtime> openDowntime(UUID monitorId) {
        return jdbc.sql("select * from downtime where monitor_id = :monitor and ended_at is null order by started_at")
                .param("monitor", monitorId)
                .query(MonitoringStore::downtime)
                .list();
    }

    /** The monitor's downtime overlapping {@code [from, to)}, open ones included, by start. */
    public List<Downtime> downtime(UUID monitorId, Instant from, Instant to) {
        return jdbc.sql("select * from downtime where monitor_id = :monitor and started_at < :to"
                        + " and (ended_at is null or ended_at > :from) order by started_at, id")
                .param("monitor", monitorId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(MonitoringStore::downtime)
                .list();
    }

    // Check statistics

    /** Counts one check into its hour and its day (UTC). Call with the monitor locked. */
    public void recordCheck(UUID monitorId, Instant at, boolean ok, int latencyMs) {
        String bucket = LATENCY_COLUMNS[LATENCY_COLUMNS.length - 1];
        for (int i = 0; i < LATENCY_BOUNDS.length; i++) {
            if (latencyMs <= LATENCY_BOUNDS[i]) {
                bucket = LATENCY_COLUMNS[i];
                break;
            }
        }
        count(monitorId, "HOUR", at.truncatedTo(ChronoUnit.HOURS), ok, latencyMs, bucket);
        count(monitorId, "DAY", at.truncatedTo(ChronoUnit.DAYS), ok, latencyMs, bucket);
    }

    private void count(UUID monitorId, String granularity, Instant start, boolean ok, int latencyMs, String bucket) {
        int updated = jdbc.sql("update monitor_check_stat set checks = checks + 1, failures = failures + :failed,"
                        + " latency_sum_ms = latency_sum_ms + :latency,"
                        + " latency_min_ms = least(latency_min_ms, :latency),"
                        + " latency_max_ms = greatest(latency_max_ms, :latency), "
                        + bucket + " = " + bucket + " + 1"
                        + " where monitor_id = :monitor and granularity = :granularity and bucket_start = :start")
                .param("failed", ok ? 0 : 1)
                .param("latency", latencyMs)
                .param("monitor", monitorId)
                .param("granularity", granularity)
                .param("start", utc(start))
                .update();
        if (updated == 0) {
            StringBuilder counts = new StringBuilder();
            for (String column : LATENCY_COLUMNS) {
                counts.append(", ").append(column.equals(bucket) ? "1" : "0");
            }
            jdbc.sql("insert into monitor_check_stat (monitor_id, granularity, bucket_start, checks, failures,"
                            + " latency_sum_ms, latency_min_ms, latency_max_ms, " + String.join(", ", LATENCY_COLUMNS)
                            + ") values (:monitor, :granularity, :start, 1, :failed, :latency, :latency, :latency"
                            + counts + ")")
                    .param("failed", ok ? 0 : 1)
                    .param("latency", latencyMs)
                    .param("monitor", monitorId)
                    .param("granularity", granularity)
                    .param("start", utc(start))
                    .update();
        }
    }

    /** One hour's or one day's checks of a monitor. {@code histogram} follows {@link #LATENCY_BOUNDS}. */
    public record CheckStat(
            Instant start,
            int checks,
            int failures,
            long latencySumMs,
            int latencyMinMs,
            int latencyMaxMs,
            int[] histogram) {

        /** The histogram labelled by bucket: {@code le100} ... {@code le10000}, then {@code over10000}. */
        public java.util.Map<String, Integer> labelled() {
            java.util.Map<String, Integer> labelled = new java.util.LinkedHashMap<>();
            for (int i = 0; i < histogram.length; i++) {
                String label = i < LATENCY_BOUNDS.length
                        ? "le" + LATENCY_BOUNDS[i]
                        : "over" + LATENCY_BOUNDS[LATENCY_BOUNDS.length - 1];
                labelled.put(label, histogram[i]);
            }
            return labelled;
        }

        /**
         * The upper bound of the bucket holding the 95th percentile, or the slowest check when that is the
         * last bucket.
         */
        public Integer p95LatencyMs() {
            int needed = (int) Math.ceil(checks * 0.95);
            int seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= needed) {
                    return i < LATENCY_BOUNDS.length ? LATENCY_BOUNDS[i] : latencyMaxMs;
                }
            }
            return null;
        }

        /** The mean latency, zero without checks. */
        public long latencyAvgMs() {
            return checks == 0 ? 0 : latencySumMs / checks;
        }
    }

    public List<CheckStat> checkStats(UUID monitorId, String granularity, Instant from, Instant to) {
        return jdbc.sql("select * from monitor_check_stat where monitor_id = :monitor and granularity = :granularity"
                        + " and bucket_start >= :from and bucket_start < :to order by bucket_start")
                .param("monitor", monitorId)
                .param("granularity", granularity)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((row, n) -> {
                    int[] histogram = new int[LATENCY_COLUMNS.length];
                    for (int i = 0; i < histogram.length; i++) {
                        histogram[i] = row.getInt(LATENCY_COLUMNS[i]);
                    }
                    return new CheckStat(
                            instant(row, "bucket_start"),
                            row.getInt("checks"),
                            row.getInt("failures"),
                            row.getLong("latency_sum_ms"),
                            row.getInt("latency_min_ms"),
                            row.getInt("latency_max_ms"),
                            histogram);
                })
                .list();
    }

    /** Deletes statistics of this granularity older than {@code before}; returns how many rows. */
    public int purgeStats(String granularity, Instant before) {
        return jdbc.sql("delete from monitor_check_stat where granularity = :granularity and bucket_start < :before")
                .param("granularity", granularity)
                .param("before", utc(before))
                .update();
    }

    // Maintenance windows

    /**
     * A maintenance window as stored; {@code monitorId} null for every monitor of the client. A
     * {@code retroactive} window started before it was created, for the {@code reason} given.
     */
    public record StoredWindow(
            UUID id,
            UUID clientId,
            UUID monitorId,
            String name,
            String recurrence,
            Instant startsAt,
            Instant endsAt,
            String zone,
            String days,
            String startTime,
            Integer durationSeconds,
            Instant createdAt,
            boolean retroactive,
            String reason) {}

    public void insertWindow(StoredWindow window) {
        jdbc.sql(
                        "insert into maintenance_window (id, client_id, monitor_id, name, recurrence, starts_at, ends_at, zone,"
                                + " days, start_time, duration_seconds, created_at, retroactive, reason) values (:id, :client,"
                                + " :monitor, :name, :recurrence, :starts, :ends, :zone, :days, :start, :duration, :created,"
                                + " :retroactive, :reason)")
                .param("id", window.id())
                .param("client", window.clientId())
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

    public Optional<StoredWindow> findWindow(UUID id) {
        return jdbc.sql("select * from maintenance_window where id = :id")
                .param("id", id)
                .query(MonitoringStore::window)
                .optional();
    }

    public boolean deleteWindow(UUID id) {
        return jdbc.sql("delete from maintenance_window where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** The client's windows (all when null), only those of one monitor or the whole client when a monitor is named. */
    public List<StoredWindow> windows(UUID clientId, UUID monitorId, Scope scope) {
        return jdbc.sql("select * from maintenance_window where (cast(:client as uuid) is null or client_id = :client)"
                        + " and (cast(:monitor as uuid) is null or monitor_id is null or monitor_id = :monitor)"
                        + ScopeSql.condition(scope, "client_id") + " order by created_at, id")
                .param("client", clientId)
                .param("monitor", monitorId)
                .params(ScopeSql.parameters(scope))
                .query(MonitoringStore::window)
                .list();
    }

    // Monitoring gaps

    /** A time when a node could not tell its clients' systems from its own network. */
    public record Gap(UUID id, String node, Instant start, Instant end, String reason, int checks, int failures) {}

    /**
     * Records a gap, or stretches the node's latest gap when it ended at most {@code join} before this one
     * starts (consecutive failing rounds are one gap).
     */
    public void recordGap(Gap gap, Duration join) {
        Optional<Gap> last = jdbc.sql("select * from monitoring_gap where node = :node and ended_at >= :since"
                        + " order by ended_at desc limit 1")
                .param("node", gap.node())
                .param("since", utc(gap.start().minus(join)))
                .query(MonitoringStore::gap)
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

    public List<Gap> gaps(Instant from, Instant to) {
        return jdbc.sql("select * from monitoring_gap where started_at < :to and ended_at > :from order by started_at")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(MonitoringStore::gap)
                .list();
    }

    // Rows

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

    private static StoredWindow window(ResultSet row, int n) throws SQLException {
        Object duration = row.getObject("duration_seconds");
        return new StoredWindow(
                row.getObject("id", UUID.class),
                row.getObject("client_id", UUID.class),
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

    private static Gap gap(ResultSet row, int n) throws SQLException {
        return new Gap(
                row.getObject("id", UUID.class),
                row.getString("node"),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                row.getString("reason"),
                row.getInt("checks"),
                row.getInt("failures"));
    }
}
