package io.pledge.tickets.jdbc;

import io.pledge.core.jdbc.BulkInsert;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.tickets.ClockFirings;
import io.pledge.tickets.ClockThreshold;
import io.pledge.tickets.DeskChanges;
import io.pledge.tickets.TicketId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fired thresholds in {@code clock_firing}, keyed by ticket, metric, cycle and threshold. */
@Repository
class JdbcClockFirings implements ClockFirings {

    private static final List<String> COLUMNS =
            List.of("ticket_id", "metric", "cycle", "threshold", "crossed_at", "fired_at");

    private final JdbcClient jdbc;
    private final BulkInsert bulk;
    private final DeskChanges changes;

    JdbcClockFirings(JdbcClient jdbc, BulkInsert bulk, DeskChanges changes) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.changes = changes;
    }

    @Override
    public Set<ClockThreshold> fired(Collection<TicketId> tickets) {
        Set<ClockThreshold> fired = new HashSet<>();
        if (tickets.isEmpty()) {
            return fired;
        }
        jdbc.sql("select ticket_id, metric, cycle, threshold from clock_firing where ticket_id in (:tickets)")
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .query((row, i) -> fired.add(new ClockThreshold(
                        new TicketId(row.getObject("ticket_id", UUID.class)),
                        Metric.valueOf(row.getString("metric")),
                        row.getInt("cycle"),
                        row.getString("threshold"))))
                .list();
        return fired;
    }

    @Override
    public void record(List<Firing> firings) {
        List<Object[]> rows = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            ClockThreshold threshold = firing.threshold();
            rows.add(new Object[] {
                threshold.ticket().value(),
                threshold.metric().name(),
                threshold.cycle(),
                threshold.threshold(),
                Timestamps.utc(firing.crossedAt()),
                Timestamps.utc(firing.firedAt())
            });
        }
        bulk.insert("clock_firing", COLUMNS, rows);
        changes.changed();
    }
}
