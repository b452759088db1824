package io.pledge.reporting.jdbc;

import io.pledge.core.ConflictException;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ReportNote;
import io.pledge.reporting.ReportNotes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcReportNotes implements ReportNotes {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReportNotes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportNote> find(UUID client, String period, Scope scope) {
        if (!scope.includes(client)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select client_id, period, notes, updated_at, updated_by from report_note
                        where client_id = :client and period = :period""")
                .param("client", client)
                .param("period", period)
                .query((row, index) -> new ReportNote(
                        row.getObject("client_id", UUID.class),
                        row.getString("period"),
                        row.getString("notes"),
                        Timestamps.instant(row, "updated_at"),
                        row.getString("updated_by")))
                .optional();
    }

    @Override
    public ReportNote put(UUID client, String period, String notes, String author) {
        OffsetDateTime now = Timestamps.utc(Timestamps.now(clock));
        if (update(client, period, notes, author, now) == 0) {
            try {
                jdbc.sql("""
                                insert into report_note (client_id, period, notes, updated_at, updated_by)
                                values (:client, :period, :notes, :now, :author)""")
                        .param("client", client)
                        .param("period", period)
                        .param("notes", notes)
                        .param("now", now)
                        .param("author", author)
                        .update();
            } catch (DuplicateKeyException concurrentFirstPut) {
                // Another request set the first notes of this period meanwhile; on PostgreSQL this
                // transaction cannot go on, so the caller is told to send its notes again.
                throw new ConflictException("notes", "were set by someone else at the same moment; send them again");
            }
        }
        return new ReportNote(client, period, notes, now.toInstant(), author);
    }

    private int update(UUID client, String period, String notes, String author, OffsetDateTime now) {
        return jdbc.sql("""
                        update report_note set notes = :notes, updated_at = :now, updated_by = :author
                        where client_id = :client and period = :period""")
                .param("client", client)
                .param("period", period)
                .param("notes", notes)
                .param("now", now)
                .param("author", author)
                .update();
    }
}
