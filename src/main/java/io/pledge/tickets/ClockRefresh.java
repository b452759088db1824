package io.pledge.tickets;

import io.pledge.sla.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes tickets' clocks and current state from their whole timelines and stores them: new tickets
 * inserted in the state their events leave them, stored ones updated in place. Told whether the thresholds
 * their clocks crossed fire: live changes fire them once, imported history does not (what was crossed in
 * another system's past is history, not news).
 */
@Component
public class ClockRefresh {

    /** Whether thresholds crossed by the clocks just computed fire now. */
    public enum Thresholds {
        /** Live changes: every threshold crossed and not fired yet fires (once per clock cycle). */
        FIRE,
        /** Imported history: nothing fires. */
        HISTORY
    }

    /** The order of a ticket's timeline: by instant, then by arrival. */
    private static final Comparator<RecordedEvent> TIMELINE_ORDER =
            Comparator.comparing(RecordedEvent::at).thenComparingLong(RecordedEvent::seq);

    private final Tickets tickets;
    private final TicketClocks clockRows;
    private final SlaCalculator calculator;
    private final ThresholdFirings firings;

    ClockRefresh(Tickets tickets, TicketClocks clockRows, SlaCalculator calculator, ThresholdFirings firings) {
        this.tickets = tickets;
        this.clockRows = clockRows;
        this.calculator = calculator;
        this.firings = firings;
    }

    /** Tickets as their timelines leave them, with their clocks. */
    public record Evaluated(List<Ticket> current, Map<TicketId, List<SlaClock>> clocks) {}

    /**
     * The current state and clocks of tickets, computed from their timelines. It reads the database only
     * for policy versions and calendars not cached yet, so an import can compute them on a thread of its
     * own while it writes others.
     *
     * @param timelines each ticket's events, in any order
     */
    public Evaluated evaluate(Collection<Ticket> given, Map<TicketId, List<RecordedEvent>> timelines, Instant now) {
        Map<TicketId, List<SlaClock>> clocks = new HashMap<>();
        List<Ticket> current = new ArrayList<>(given.size());
        for (Ticket ticket : given) {
            List<RecordedEvent> timeline = new ArrayList<>(timelines.get(ticket.id()));
            timeline.sort(TIMELINE_ORDER);
            clocks.put(ticket.id(), calculator.clocks(ticket, timeline, now));
            current.add(TicketState.fold(ticket, timeline));
        }
        return new Evaluated(current, clocks);
    }

    /**
     * Inserts new tickets already in the state their first events leave them, with their clocks, so each
     * is written once. Their events are appended afterwards.
     */
    public void insert(Evaluated created, Instant now, Thresholds thresholds) {
        tickets.insert(created.current(), created.clocks());
        clockRows.insert(created.current(), created.clocks(), now);
        fire(created, now, thresholds);
    }

    /**
     * Recomputes stored tickets' clocks and current state from all their events and stores them (a
     * retroactive priority change, say, may cross several thresholds at once).
     *
     * @param timelines each ticket's events, stored and new, in any order
     * @return each ticket's clocks
     */
    public Map<TicketId, List<SlaClock>> update(
            Collection<Ticket> stored,
            Map<TicketId, List<RecordedEvent>> timelines,
            Instant now,
            Thresholds thresholds) {
        Evaluated evaluated = evaluate(stored, timelines, now);
        clockRows.save(evaluated.current(), evaluated.clocks(), now);
        tickets.saveStates(evaluated.current(), evaluated.clocks());
        fire(evaluated, now, thresholds);
        return evaluated.clocks();
    }

    private void fire(Evaluated evaluated, Instant now, Thresholds thresholds) {
        if (thresholds == Thresholds.FIRE) {
            firings.fire(evaluated.current(), evaluated.clocks(), now);
        }
    }
}
