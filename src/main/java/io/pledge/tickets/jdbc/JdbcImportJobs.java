package io.pledge.tickets.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportJobs;
import io.pledge.tickets.imports.ImportMode;
import io.pledge.tickets.imports.ImportPreset;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import io.pledge.tickets.imports.RowError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs in the {@code import_job} table, each write in a transaction of its own so progress shows
 * while the import's transaction is still open. A job found running at start-up was cut off by a crash:
 * it is marked failed (its transaction never committed, so nothing of it was stored).
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
class JdbcImportJobs implements ImportJobs, ApplicationRunner {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcImportJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public ImportJob create(
            ImportSettings settings, UUID client, String fileName, String createdBy, Long rowsTotal, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into import_job (id, preset, client_id, zone, mode, file_name, state, rows_read, tickets,
                                                events, rejected, created_by, started_at, rows_total)
                        values (:id, :preset, :client, :zone, :mode, :file, 'RUNNING', 0, 0, 0, 0, :by, :now, :total)""")
                .param("id", id)
                .param("preset", settings.preset().name())
                .param("client", client)
                .param("zone", settings.zone().getId())
                .param("mode", settings.mode().name())
                .param("file", fileName)
                .param("by", createdBy)
                .param("now", Timestamps.utc(now))
                .param("total", rowsTotal)
                .update();
        return find(id).orElseThrow();
    }

    @Override
    public void progress(UUID id, long rows, long tickets, long events) {
        jdbc.sql("update import_job set rows_read = :rows where id = :id and state = 'RUNNING'")
                .param("rows", rows)
                .param("id", id)
                .update();
    }

    @Override
    public ImportJob finish(
            UUID id, ImportJob.State state, long rows, long tickets, long events, List<RowError> errors, Instant now) {
        List<RowError> shown = errors.size() > Importer.MAX_ERRORS ? errors.subList(0, Importer.MAX_ERRORS) : errors;
        jdbc.sql("""
                        update import_job set state = :state, rows_read = :rows, tickets = :tickets, events = :events,
                            rejected = :rejected, errors = :errors, finished_at = :now
                        where id = :id""")
                .param("state", state.name())
                .param("rows", rows)
                .param("tickets", tickets)
                .param("events", events)
                .param(
                        "rejected",
                        errors.stream().mapToInt(RowError::line).distinct().count())
                .param("errors", json.writeValueAsString(shown))
                .param("now", Timestamps.utc(now))
                .param("id", id)
                .update();
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select * from import_job where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<ImportJob> running() {
        return jdbc.sql("select * from import_job where state = 'RUNNING' order by started_at")
                .query(this::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportJob> recent(Scope scope, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, preset, client_id, zone, mode, file_name, state, rows_read, tickets, events, rejected,
                       null as errors, started_at, finished_at, created_by, rows_total
                from import_job where 1 = 1""");
        sql.append(ScopeSql.condition(scope, "client_id"));
        Map<String, Object> params = new HashMap<>(ScopeSql.parameters(scope));
        if (after != null) {
            sql.append(" and (started_at < :afterStarted or (started_at = :afterStarted and id < :afterId))");
            params.put("afterStarted", Timestamps.utc(after.startedAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by started_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("""
                        update import_job set state = 'FAILED', finished_at = started_at,
                            errors = '[{"line":0,"column":null,"message":"interrupted by a restart: nothing of it was stored; run it again"}]'
                        where state = 'RUNNING'""").update();
    }

    private ImportJob map(ResultSet row, int index) throws SQLException {
        String errors = row.getString("errors");
        return new ImportJob(
                row.getObject("id", UUID.class),
                ImportPreset.valueOf(row.getString("preset")),
                row.getObject("client_id", UUID.class),
                ZoneId.of(row.getString("zone")).getId(),
                ImportMode.valueOf(row.getString("mode")),
                row.getString("file_name"),
                ImportJob.State.valueOf(row.getString("state")),
                row.getLong("rows_read"),
                row.getLong("tickets"),
                row.getLong("events"),
                row.getLong("rejected"),
                errors == null ? List.of() : json.readValue(errors, new TypeReference<List<RowError>>() {}),
                Timestamps.instant(row, "started_at"),
                Timestamps.instant(row, "finished_at"),
                row.getString("created_by"),
                row.getObject("rows_total", Long.class));
    }
}
