package io.pledge.tickets;

import io.pledge.sla.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row per clock of a ticket, as last evaluated, indexed on its next due instant (ADR 0007). A ticket
 * keeps the same clocks for life: its policy version is fixed at creation.
 */
public interface TicketClocks {

    /** Inserts the clocks of new tickets (their rows inserted before). */
    void insert(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt);

    /** Stores tickets' recomputed clocks: updated in place, inserted when not stored yet. */
    void save(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks, Instant evaluatedAt);
}
