package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires thresholds as time passes. Every stored clock keeps its next due instant (the next threshold
 * it will cross if it keeps running), and each ticket the earliest of its clocks'; tickets whose
 * instant has come are claimed with {@code for update skip locked}, so that several nodes share the work
 * without firing anything twice, and the work grows with the tickets due, not with those open. A
 * claimed ticket's clocks are recomputed, which fires what they crossed ({@link ThresholdFirings}) and
 * moves the ticket's next due instant on. Paused and stopped clocks have no next due instant and never
 * fire; crossings caused by an event (a retroactive priority change) fire when the event is stored.
 */
@Service
public class ThresholdFiring {

    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final ClockRefresh refresh;
    private final Clock clock;

    ThresholdFiring(Tickets tickets, TicketEvents ticketEvents, ClockRefresh refresh, Clock clock) {
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Fires what is due among at most {@code limit} tickets; returns how many tickets were claimed. */
    @Transactional
    public int fireDue(int limit) {
        Instant now = Timestamps.now(clock);
        List<Ticket> due = tickets.lockDue(now, limit);
        if (!due.isEmpty()) {
            refresh.update(
                    due,
                    ticketEvents.of(due.stream().map(Ticket::id).toList(), Scope.everything()),
                    now,
                    ClockRefresh.Thresholds.FIRE);
        }
        return due.size();
    }
}
