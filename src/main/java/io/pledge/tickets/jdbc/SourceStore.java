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

    SourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String name, String secret, Instant now) {
        jdbc.sql("insert into ticket_source (name, secret, created_at) values (:name, :secret, :now)")
                .param("name", name)
                .param("secret", secret)
                .param("now", Timestamps.utc(now))
                .update();
    }

    public Optional<String> secret(String name) {
        return jdbc.sql("select secret from ticket_source where name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

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
