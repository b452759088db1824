package io.pledge.trust.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.trust.SubscriberNotice;
import io.pledge.trust.SubscriberNotices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notices' outbox in {@code trust_notice} and their events in {@code trust_notice_event}. Claims lock rows
 * with {@code for update skip locked}, so that several nodes never hold the same notice; no transactions of
 * its own.
 */
@Repository
class JdbcSubscriberNotices implements SubscriberNotices {

    private final JdbcClient jdbc;

    JdbcSubscriberNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int owe(Event event) {
        int stored = jdbc.sql("""
                        insert into trust_notice_event (id, page_id, event_key, payload, created_at)
                        values (:id, :page, :key, :payload, :at) on conflict do nothing""")
                .param("id", event.id())
                .param("page", event.page())
                .param("key", event.key())
                .param("payload", event.payload())
                .param("at", Timestamps.utc(event.createdAt()))
                .update();
        if (stored == 0) {
            return -1;
        }
        return jdbc.sql("""
                        insert into trust_notice (id, subscriber_id, event_id, state, attempts, next_attempt_at,
                          created_at)
                        select gen_random_uuid(), s.id, :event, 'PENDING', 0, :at, :at from trust_subscriber s
                        where s.page_id = :page and s.confirmed_at is not null""")
                .param("event", event.id())
                .param("page", event.page())
                .param("at", Timestamps.utc(event.createdAt()))
                .update();
    }

    @Override
    public void oweConfirmation(UUID subscriber, String token, Instant now) {
        jdbc.sql("""
                        insert into trust_notice (id, subscriber_id, event_id, confirmation_token, state, attempts,
                          next_attempt_at, created_at)
                        values (:id, :subscriber, null, :token, 'PENDING', 0, :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("subscriber", subscriber)
                .param("token", token)
                .param("at", Timestamps.utc(now))
                .update();
    }

    @Override
    public List<SubscriberNotice> claim(Instant now, int limit) {
        return jdbc.sql("""
                        select * from trust_notice where state = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit :limit for update skip locked""")
                .param("now", Timestamps.utc(now))
                .param("limit", limit)
                .query(JdbcSubscriberNotices::notice)
                .list();
    }

    @Override
    public Optional<SubscriberNotice> claim(UUID id) {
        return jdbc.sql("select * from trust_notice where id = :id and state = 'PENDING' for update skip locked")
                .param("id", id)
                .query(JdbcSubscriberNotices::notice)
                .optional();
    }

    @Override
    public Optional<Event> event(UUID id) {
        return jdbc.sql("select * from trust_notice_event where id = :id")
                .param("id", id)
                .query((row, n) -> new Event(
                        row.getObject("id", UUID.class),
                        row.getObject("page_id", UUID.class),
                        row.getString("event_key"),
                        row.getString("payload"),
                        Timestamps.instant(row, "created_at")))
                .optional();
    }

    @Override
    public void sent(UUID id, int attempts, Instant now) {
        jdbc.sql("""
                        update trust_notice set state = 'SENT', attempts = :attempts, sent_at = :now,
                          confirmation_token = null, last_error = null
                        where id = :id""")
                .param("id", id)
                .param("attempts", attempts)
                .param("now", Timestamps.utc(now))
                .update();
    }

    @Override
    public void failed(UUID id, int attempts, Instant next, String error) {
        String shortened = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (next == null) {
            jdbc.sql("update trust_notice set state = 'DEAD', attempts = :attempts, last_error = :error where id = :id")
                    .param("id", id)
                    .param("attempts", attempts)
                    .param("error", shortened)
                    .update();
            return;
        }
        jdbc.sql("""
                        update trust_notice set attempts = :attempts, next_attempt_at = :next, last_error = :error
                        where id = :id""")
                .param("id", id)
                .param("attempts", attempts)
                .param("next", Timestamps.utc(next))
                .param("error", shortened)
                .update();
    }

    private static SubscriberNotice notice(ResultSet row, int n) throws SQLException {
        return new SubscriberNotice(
                row.getObject("id", UUID.class),
                row.getObject("subscriber_id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getString("confirmation_token"),
                SubscriberNotice.State.valueOf(row.getString("state")),
                row.getInt("attempts"),
                Timestamps.instant(row, "next_attempt_at"),
                row.getString("last_error"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "sent_at"));
    }
}
