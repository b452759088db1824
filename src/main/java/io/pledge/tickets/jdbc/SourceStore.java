package io.pledge.tickets.jdbc;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ingest sources (a helpdesk or PSA feeding Pledge), their signing secrets and status mappings. */
@Repository
public class SourceStore {

    private final JdbcClient jdbc;
    private final java.util.Map<String, Cached> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.time.Clock clock;

    SourceStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(String name, String secret, Instant now) {
        secrets.remove(name);
        jdbc.sql("insert into ticket_source (name, secret, created_at) values (:name, :secret, :now)")
                .param("name", name)
                .param("secret", secret)
                .param("now", Timestamps.utc(now))
                .update();
    }

    /** A source's signing secret; looked up at most once a minute per source (every webhook asks). */
    public Optional<String> secret(String name) {
        Instant now = clock.instant();
        Cached cached = secrets.get(name);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.secret();
        }
        Optional<String> secret = jdbc.sql("select secret from ticket_source where name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
        secrets.put(name, new Cached(secret, now.plusSeconds(60)));
        return secret;
    }

    private record Cached(Optional<String> secret, Instant until) {}

    public List<String> names() {
        return jdbc.sql("select name from ticket_source order by name")
                .query(String.class)
                .list();
    }

    /** A source's own status labels and the engine status each maps to. */
    public Map<String, TicketStatus> statusMap(String source) {
        Map<String, TicketStatus> map = new LinkedHashMap<>();
        jdbc.sql("select label, status from status_mapping where source = :source order by label")
                .param("source", source)
                .query((row, i) -> map.put(row.getString("label"), TicketStatus.valueOf(row.getString("status"))))
                .list();
        return map;
    }

    public void replaceStatusMap(String source, Map<String, TicketStatus> map) {
        jdbc.sql("delete from status_mapping where source = :source")
                .param("source", source)
                .update();
        map.forEach((label, status) -> jdbc.sql(
                        "insert into status_mapping (source, label, status) values (:source, :label, :status)")
                .param("source", source)
                .param("label", label)
                .param("status", status.name())
                .update());
    }
}
