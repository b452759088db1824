package io.pledge.monitoring.jdbc;

import static io.pledge.core.jdbc.Timestamps.instant;
import static io.pledge.core.jdbc.Timestamps.utc;

import io.pledge.monitoring.CheckStat;
import io.pledge.monitoring.CheckStatistics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Check statistics in {@code monitor_check_stat}, one row per monitor, granularity and bucket, with one
 * column per latency bucket. Runs in the caller's transaction.
 */
@Repository
class JdbcCheckStatistics implements CheckStatistics {

    /** The histogram's columns, following {@link CheckStat#LATENCY_BOUNDS}; the last holds the rest. */
    private static final String[] LATENCY_COLUMNS = {
        "le_100", "le_250", "le_500", "le_1000", "le_2500", "le_5000", "le_10000", "over_10000"
    };

    private final JdbcClient jdbc;

    JdbcCheckStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID monitorId, Instant at, boolean ok, int latencyMs) {
        String bucket = LATENCY_COLUMNS[LATENCY_COLUMNS.length - 1];
        for (int i = 0; i < CheckStat.LATENCY_BOUNDS.length; i++) {
            if (latencyMs <= CheckStat.LATENCY_BOUNDS[i]) {
                bucket = LATENCY_COLUMNS[i];
                break;
            }
        }
        count(monitorId, "HOUR", at.truncatedTo(ChronoUnit.HOURS), ok, latencyMs, bucket);
        count(monitorId, "DAY", at.truncatedTo(ChronoUnit.DAYS), ok, latencyMs, bucket);
    }

    /** Adds the check to its bucket's row, inserting the row when it is the bucket's first check. */
    private void count(UUID monitorId, String granularity, Instant start, boolean ok, int latencyMs, String bucket) {
        Map<String, Object> check = Map.of(
                "failed", ok ? 0 : 1,
                "latency", latencyMs,
                "monitor", monitorId,
                "granularity", granularity,
                "start", utc(start));
        // The column name comes from LATENCY_COLUMNS, never from input.
        int updated = jdbc.sql("update monitor_check_stat set checks = checks + 1, failures = failures + :failed,"
                        + " latency_sum_ms = latency_sum_ms + :latency,"
                        + " latency_min_ms = least(latency_min_ms, :latency),"
                        + " latency_max_ms = greatest(latency_max_ms, :latency), "
                        + bucket + " = " + bucket + " + 1"
                        + " where monitor_id = :monitor and granularity = :granularity and bucket_start = :start")
                .params(check)
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
                    .params(check)
                    .update();
        }
    }

    @Override
    public List<CheckStat> of(UUID monitorId, String granularity, Instant from, Instant to) {
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

    @Override
    public int purge(String granularity, Instant before) {
        return jdbc.sql("delete from monitor_check_stat where granularity = :granularity and bucket_start < :before")
                .param("granularity", granularity)
                .param("before", utc(before))
                .update();
    }
}
