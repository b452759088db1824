package io.pledge.trust.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.trust.Subscriber;
import io.pledge.trust.Subscribers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscribers in {@code trust_subscriber}; no transactions of its own. */
@Repository
class JdbcSubscribers implements Subscribers {

    private final JdbcClient jdbc;

    JdbcSubscribers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Subscriber s, String confirmationSha256) {
        jdbc.sql("""
                        insert into trust_subscriber (id, page_id, kind, target, email, webhook_url, webhook_secret,
                          language, confirmation_sha256, unsubscribe_token, created_at, expires_at, confirmed_at)
                        values (:id, :page, :kind, :target, :email, :url, :secret, :language, :confirmation,
                          :unsubscribe, :created, :expires, :confirmed)""")
                .param("id", s.id())
                .param("page", s.page())
                .param("kind", s.kind().name())
                .param("target", s.target())
                .param("email", s.email())
                .param("url", s.webhookUrl())
                .param("secret", s.webhookSecret())
                .param("language", s.language())
                .param("confirmation", confirmationSha256)
                .param("unsubscribe", s.unsubscribeToken())
                .param("created", Timestamps.utc(s.createdAt()))
                .param("expires", Timestamps.utc(s.expiresAt()))
                .param("confirmed", Timestamps.utc(s.confirmedAt()))
                .update();
    }

    @Override
    public Optional<Subscriber> lock(UUID page, Subscriber.Kind kind, String target) {
        return jdbc.sql("select * from trust_subscriber where page_id = :page and kind = :kind and target = :target"
                        + " for update")
                .param("page", page)
                .param("kind", kind.name())
                .param("target", target)
                .query(JdbcSubscribers::subscriber)
                .optional();
    }

    @Override
    public void renew(UUID id, String email, String language, String confirmationSha256, Instant expiresAt) {
        jdbc.sql("""
                        update trust_subscriber set email = :email, language = :language,
                          confirmation_sha256 = :confirmation, expires_at = :expires
                        where id = :id and confirmed_at is null""")
                .param("id", id)
                .param("email", email)
                .param("language", language)
                .param("confirmation", confirmationSha256)
                .param("expires", Timestamps.utc(expiresAt))
                .update();
    }

    @Override
    public Optional<Subscriber> findByConfirmation(String sha256) {
        return jdbc.sql("select * from trust_subscriber where confirmation_sha256 = :sha256 and confirmed_at is null")
                .param("sha256", sha256)
                .query(JdbcSubscribers::subscriber)
                .optional();
    }

    @Override
    public void confirm(UUID id, Instant at) {
        jdbc.sql("""
                        update trust_subscriber set confirmed_at = :at, confirmation_sha256 = null, expires_at = null
                        where id = :id""").param("id", id).param("at", Timestamps.utc(at)).update();
    }

    @Override
    public Optional<Subscriber> findByUnsubscribe(String token) {
        return jdbc.sql("select * from trust_subscriber where unsubscribe_token = :token")
                .param("token", token)
                .query(JdbcSubscribers::subscriber)
                .optional();
    }

    @Override
    public Optional<Subscriber> find(UUID id) {
        return jdbc.sql("select * from trust_subscriber where id = :id")
                .param("id", id)
                .query(JdbcSubscribers::subscriber)
                .optional();
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.sql("delete from trust_subscriber where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbc.sql("delete from trust_subscriber where confirmed_at is null and expires_at <= :now")
                .param("now", Timestamps.utc(now))
                .update();
    }

    @Override
    public Map<Subscriber.Kind, Long> counts(UUID page) {
        Map<Subscriber.Kind, Long> counts = new EnumMap<>(Subscriber.Kind.class);
        for (Subscriber.Kind kind : Subscriber.Kind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("""
                        select kind, count(*) as n from trust_subscriber
                        where page_id = :page and confirmed_at is not null group by kind""")
                .param("page", page)
                .query((row, n) -> counts.put(Subscriber.Kind.valueOf(row.getString("kind")), row.getLong("n")))
                .list();
        return counts;
    }

    private static Subscriber subscriber(ResultSet row, int n) throws SQLException {
        return new Subscriber(
                row.getObject("id", UUID.class),
                row.getObject("page_id", UUID.class),
                Subscriber.Kind.valueOf(row.getString("kind")),
                row.getString("target"),
                row.getString("email"),
                row.getString("webhook_url"),
                row.getString("webhook_secret"),
                row.getString("language"),
                row.getString("unsubscribe_token"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "expires_at"),
                Timestamps.instant(row, "confirmed_at"));
    }
}
