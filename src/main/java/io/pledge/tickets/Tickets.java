package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.sla.SlaClock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ticket rows: who a ticket is for, its current state and a summary of its clocks (the earliest due
 * instant, the next due instant, any breach). Callers hold the transaction: an event, the ticket row and
 * its clock rows are written together.
 *
 * <p>Every read a caller can aim at a client's ticket takes the caller's {@link Scope}: for a client, the
 * query itself is limited to that client's tickets (another client's ticket is not found, as one that
 * does not exist). Pledge's own work (ingest, imports, threshold firing) reads everything.
 */
public interface Tickets {

    /** A ticket within the scope. */
    Optional<Ticket> find(TicketId id, Scope scope);

    /** Locks the ticket row for the rest of the transaction, so its events are numbered and evaluated in turn. */
    Optional<Ticket> lock(TicketId id, Scope scope);

    /**
     * The tickets another system knows by these ids (an external id is unique per client and source, so
     * one id may name tickets of several clients), locked for the rest of the transaction (in id order, so
     * that two transactions locking several tickets cannot deadlock).
     */
    List<Ticket> lockByExternalIds(String source, Collection<String> externalIds);

    /**
     * Locks up to {@code limit} tickets whose next due instant has come, earliest first, skipping those
     * another transaction holds: several nodes share the due work without waiting on each other.
     */
    List<Ticket> lockDue(Instant now, int limit);

    /** The tickets of a source by their external id. */
    Map<String, Ticket> bySource(String source);

    /**
     * Tickets matching the query in queue order, one page: by the due instant of the earliest open clock,
     * so breached tickets come first (the longest overdue first), then the soonest due; tickets with no
     * open clock due (paused, stopped, clockless) come last; then by id.
     */
    List<Ticket> list(TicketQuery query, Instant now);

    /**
     * The stored due instant of a ticket's earliest open clock (the queue's sort key): its breach instant
     * once breached; none when every clock is paused, stopped, or the ticket has none.
     */
    Optional<Instant> dueAt(TicketId ticket);

    /** Inserts new tickets in their current state, with the summary of their clocks. */
    void insert(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks);

    /** Stores tickets' current state and the summary of their recomputed clocks. */
    void saveStates(List<Ticket> tickets, Map<TicketId, List<SlaClock>> clocks);
}
