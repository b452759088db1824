package io.pledge.tickets.jdbc;

import io.pledge.core.jdbc.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA state of the open clocks as a few aggregate counts, for gauges: each figure is one query over the
 * clock rows of open tickets, grouped by what an operator alerts on (never by ticket).
 */
@Repository
public class ClockFigures {

    /** A clock counts as breached once stored so, or running past its due instant not yet recomputed. */
    private static final String BREACHED =
            "(c.state = 'BREACHED' or c.breached_at is not null" + " or (c.state = 'RUNNING' and c.due_at <= :now))";

    private final JdbcClient jdbc;

    ClockFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many clocks are in a state, for a client, tier, priority and metric. */
    public record ClockCount(UUID client, UUID tier, String priority, String metric, String state, long count) {}

    /** How many tickets of a client and priority are at risk. */
    public record RiskCount(UUID client, String priority, long count) {}

    /** Open clocks (not stopped, not cancelled) by {@code running}, {@code paused} or {@code breached}. */
    public List<ClockCount> openClocks(Instant now) {
        return jdbc.sql("""
                        select client_id, tier_id, priority, metric, clock_state, count(*) as clocks from (
                          select t.client_id, t.tier_id, c.priority, c.metric,
                                 case when %s then 'breached'
                                      when c.state = 'PAUSED' then 'paused'
                                      else 'running' end as clock_state
                          from ticket_clock c join ticket t on t.id = c.ticket_id
                          where c.stopped_at is null and c.state in ('RUNNING', 'PAUSED', 'BREACHED')) open_clock
                        group by client_id, tier_id, priority, metric, clock_state""".formatted(BREACHED))
                .param("now", Timestamps.utc(now))
                .query((row, i) -> new ClockCount(
                        row.getObject("client_id", UUID.class),
                        row.getObject("tier_id", UUID.class),
                        row.getString("priority"),
                        row.getString("metric"),
                        row.getString("clock_state"),
                        row.getLong("clocks")))
                .list();
    }

    /**
     * Tickets at risk: an open clock fired a warning in its current cycle (a fraction below 1 or a lead
     * before due) and none of the ticket's open clocks is breached.
     */
    public List<RiskCount> atRisk(Instant now) {
        return jdbc.sql("""
                        select t.client_id, t.priority, count(distinct t.id) as tickets
                        from ticket_clock c join ticket t on t.id = c.ticket_id
                        where c.stopped_at is null and c.state in ('RUNNING', 'PAUSED') and c.breached_at is null
                          and (c.due_at is null or c.due_at > :now)
                          and exists (select 1 from clock_firing f
                                      where f.ticket_id = c.ticket_id and f.metric = c.metric and f.cycle = c.cycle
                                        and f.threshold <> '1')
                          and not exists (select 1 from ticket_clock c2 where c2.ticket_id = c.ticket_id
                                            and c2.stopped_at is null and %s)
                        group by t.client_id, t.priority""".formatted(BREACHED.replace("c.", "c2.")))
                .param("now", Timestamps.utc(now))
                .query((row, i) -> new RiskCount(
                        row.getObject("client_id", UUID.class), row.getString("priority"), row.getLong("tickets")))
                .list();
    }

    /** The earliest next due instant of any ticket (its index's first entry), if one has a running clock. */
    public Optional<Instant> earliestNextDue() {
        return jdbc.sql("select min(next_due_at) as next_due_at from ticket")
                .query((row, i) -> Optional.ofNullable(Timestamps.instant(row, "next_due_at")))
                .single();
    }
}
