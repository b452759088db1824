package io.pledge.reporting.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ReportSchedule;
import io.pledge.reporting.ReportSchedules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Report schedules in {@code report_schedule}. The claim locks due rows with {@code for update skip
 * locked}; no transactions of its own.
 */
@Repository
class JdbcReportSchedules implements ReportSchedules {

    private final JdbcClient jdbc;

    JdbcReportSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReportSchedule> find(UUID client) {
        return jdbc.sql("select * from report_schedule where client_id = :client")
                .param("client", client)
                .query(JdbcReportSchedules::schedule)
                .optional();
    }

    @Override
    public List<ReportSchedule> all() {
        return jdbc.sql("select * from report_schedule order by client_id")
                .query(JdbcReportSchedules::schedule)
                .list();
    }

    @Override
    public void put(ReportSchedule schedule) {
        int updated = jdbc.sql("""
                        update report_schedule set enabled = :enabled, monthly = :monthly, quarterly = :quarterly,
                          days_after_close = :days, starts_on = :startsOn, next_month = :nextMonth,
                          next_month_due_at = :nextMonthDue, next_quarter = :nextQuarter,
                          next_quarter_due_at = :nextQuarterDue, next_due_at = :nextDue, updated_at = :updatedAt,
                          updated_by = :updatedBy
                        where client_id = :client""").params(parameters(schedule)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into report_schedule (client_id, enabled, monthly, quarterly, days_after_close,
                              starts_on, next_month, next_month_due_at, next_quarter, next_quarter_due_at, next_due_at,
                              updated_at, updated_by)
                            values (:client, :enabled, :monthly, :quarterly, :days, :startsOn, :nextMonth,
                              :nextMonthDue, :nextQuarter, :nextQuarterDue, :nextDue, :updatedAt, :updatedBy)""").params(parameters(schedule)).update();
        }
    }

    @Override
    public List<ReportSchedule> claimDue(Instant now, int limit) {
        return jdbc.sql("select * from report_schedule where enabled and next_due_at <= :now"
                        + " order by next_due_at, client_id limit :limit for update skip locked")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(JdbcReportSchedules::schedule)
                .list();
    }

    @Override
    public void advance(ReportSchedule schedule) {
        jdbc.sql("""
                        update report_schedule set next_month = :nextMonth, next_month_due_at = :nextMonthDue,
                          next_quarter = :nextQuarter, next_quarter_due_at = :nextQuarterDue, next_due_at = :nextDue
                        where client_id = :client""").params(parameters(schedule)).update();
    }

    private static java.util.Map<String, Object> parameters(ReportSchedule schedule) {
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("client", schedule.client());
        parameters.put("enabled", schedule.enabled());
        parameters.put("monthly", schedule.monthly());
        parameters.put("quarterly", schedule.quarterly());
        parameters.put("days", schedule.daysAfterClose());
        parameters.put("startsOn", schedule.startsOn());
        parameters.put(
                "nextMonth",
                schedule.nextMonth() == null ? null : schedule.nextMonth().period());
        parameters.put(
                "nextMonthDue",
                schedule.nextMonth() == null
                        ? null
                        : Timestamps.utc(schedule.nextMonth().dueAt()));
        parameters.put(
                "nextQuarter",
                schedule.nextQuarter() == null ? null : schedule.nextQuarter().period());
        parameters.put(
                "nextQuarterDue",
                schedule.nextQuarter() == null
                        ? null
                        : Timestamps.utc(schedule.nextQuarter().dueAt()));
        parameters.put("nextDue", Timestamps.utc(schedule.nextDueAt()));
        parameters.put("updatedAt", Timestamps.utc(schedule.updatedAt()));
        parameters.put("updatedBy", schedule.updatedBy());
        return parameters;
    }

    private static ReportSchedule schedule(ResultSet row, int index) throws SQLException {
        String month = row.getString("next_month");
        String quarter = row.getString("next_quarter");
        return new ReportSchedule(
                row.getObject("client_id", UUID.class),
                row.getBoolean("enabled"),
                row.getBoolean("monthly"),
                row.getBoolean("quarterly"),
                row.getInt("days_after_close"),
                row.getObject("starts_on", LocalDate.class),
                month == null ? null : new ReportSchedule.Next(month, Timestamps.instant(row, "next_month_due_at")),
                quarter == null
                        ? null
                        : new ReportSchedule.Next(quarter, Timestamps.instant(row, "next_quarter_due_at")),
                Timestamps.instant(row, "updated_at"),
                row.getString("updated_by"));
    }
}
