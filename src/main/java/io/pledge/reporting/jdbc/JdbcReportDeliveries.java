package io.pledge.reporting.jdbc;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.ScopeSql;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ReportDeliveries;
import io.pledge.reporting.ReportDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Report deliveries in {@code report_delivery}, with the PDF of each one sent. Claims lock rows with
 * {@code for update skip locked}; no transactions of its own. Listing never reads the PDF.
 */
@Repository
class JdbcReportDeliveries implements ReportDeliveries {

    private static final int MAX_ERROR_LENGTH = 1000;
    private static final String COLUMNS = "id, client_id, period, edition, requested_by, state, attempts,"
            + " next_attempt_at, last_error, created_at, sent_at, recipients, subject, message_id, pdf_sha256,"
            + " pdf_size";

    private final JdbcClient jdbc;

    JdbcReportDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(ReportDelivery delivery) {
        return jdbc.sql("""
                                insert into report_delivery (id, client_id, period, edition, requested_by, state,
                                  attempts, next_attempt_at, created_at)
                                values (:id, :client, :period, :edition, :requestedBy, 'PENDING', 0, :next, :created)
                                on conflict do nothing""")
                        .param("id", delivery.id())
                        .param("client", delivery.client())
                        .param("period", delivery.period())
                        .param("edition", delivery.edition())
                        .param("requestedBy", delivery.requestedBy())
                        .param("next", Timestamps.utc(delivery.nextAttemptAt()))
                        .param("created", Timestamps.utc(delivery.createdAt()))
                        .update()
                > 0;
    }

    @Override
    public int nextEdition(UUID client, String period) {
        return jdbc.sql("select coalesce(max(edition), 0) + 1 from report_delivery where client_id = :client"
                        + " and period = :period")
                .param("client", client)
                .param("period", period)
                .query(Integer.class)
                .single();
    }

    @Override
    public List<ReportDelivery> claim(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from report_delivery where state = 'PENDING' and next_attempt_at"
                        + " <= :now order by next_attempt_at, id limit :limit for update skip locked")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(JdbcReportDeliveries::delivery)
                .list();
    }

    @Override
    public Optional<ReportDelivery> claim(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from report_delivery where id = :id and state = 'PENDING'"
                        + " for update skip locked")
                .param("id", id)
                .query(JdbcReportDeliveries::delivery)
                .optional();
    }

    @Override
    public void sent(UUID id, int attempts, Instant now, ReportDelivery.Sent sent) {
        jdbc.sql("""
                        update report_delivery set state = 'SENT', attempts = :attempts, sent_at = :now,
                          next_attempt_at = null, last_error = null, recipients = :recipients, subject = :subject,
                          message_id = :messageId, pdf = :pdf, pdf_sha256 = :sha256, pdf_size = :size
                        where id = :id""")
                .param("attempts", attempts)
                .param("now", Timestamps.utc(now))
                .param("recipients", String.join(",", sent.recipients()))
                .param("subject", sent.subject())
                .param("messageId", sent.messageId())
                .param("pdf", sent.pdf())
                .param("sha256", sent.pdfSha256())
                .param("size", sent.pdf().length)
                .param("id", id)
                .update();
    }

    @Override
    public void failed(UUID id, int attempts, Instant next, String error) {
        jdbc.sql("update report_delivery set state = :state, attempts = :attempts, next_attempt_at = :next,"
                        + " last_error = :error where id = :id")
                .param("state", next == null ? "DEAD" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamps.utc(next))
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .param("id", id)
                .update();
    }

    @Override
    public boolean retry(UUID id, Instant now) {
        return jdbc.sql("update report_delivery set state = 'PENDING', next_attempt_at = :now where id = :id"
                                + " and state = 'DEAD'")
                        .param("now", Timestamps.utc(now))
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public Optional<ReportDelivery> find(UUID id, Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from report_delivery where id = :id" + visible(scope))
                .param("id", id)
                .params(ScopeSql.parameters(scope))
                .query(JdbcReportDeliveries::delivery)
                .optional();
    }

    @Override
    public List<ReportDelivery> list(Scope scope, UUID client, String period, ReportDelivery.State state, int limit) {
        var query = jdbc.sql("select " + COLUMNS + " from report_delivery where 1 = 1"
                        + (client == null ? "" : " and client_id = :client")
                        + (period == null ? "" : " and period = :period")
                        + (state == null ? "" : " and state = :state")
                        + visible(scope)
                        + " order by created_at desc, edition desc, id limit :limit")
                .params(ScopeSql.parameters(scope))
                .param("limit", limit);
        if (client != null) {
            query = query.param("client", client);
        }
        if (period != null) {
            query = query.param("period", period);
        }
        if (state != null) {
            query = query.param("state", state.name());
        }
        return query.query(JdbcReportDeliveries::delivery).list();
    }

    @Override
    public Optional<byte[]> pdf(UUID id, Scope scope) {
        return jdbc.sql("select pdf from report_delivery where id = :id and pdf is not null" + visible(scope))
                .param("id", id)
                .params(ScopeSql.parameters(scope))
                .query((row, index) -> row.getBytes("pdf"))
                .optional();
    }

    /** A client's scope reaches its own client's reports, and only those sent. */
    private static String visible(Scope scope) {
        return ScopeSql.condition(scope, "client_id") + (scope.isClient() ? " and state = 'SENT'" : "");
    }

    private static ReportDelivery delivery(ResultSet row, int index) throws SQLException {
        String recipients = row.getString("recipients");
        return new ReportDelivery(
                row.getObject("id", UUID.class),
                row.getObject("client_id", UUID.class),
                row.getString("period"),
                row.getInt("edition"),
                row.getString("requested_by"),
                ReportDelivery.State.valueOf(row.getString("state")),
                row.getInt("attempts"),
                Timestamps.instant(row, "next_attempt_at"),
                row.getString("last_error"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "sent_at"),
                recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
                row.getString("subject"),
                row.getString("message_id"),
                row.getString("pdf_sha256"),
                row.getObject("pdf_size", Integer.class));
    }
}
