package io.pledge.tickets;

import io.pledge.core.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tickets' append-only events (ADR 0007), numbered per ticket by arrival. Events have no foreign key to
 * their ticket (ADR 0021): every caller appends events of a ticket it has just inserted or read in the
 * same transaction.
 *
 * <p>Events come back as the caller's {@link Scope} may see them: for a client, only its own tickets',
 * and without the MSP's internal text ({@link RecordedEvent#within}).
 */
public interface TicketEvents {

    /** Appends events. */
    void append(List<RecordedEvent> events);

    /** A ticket's events in timeline order (by instant, then by arrival), as the scope sees them. */
    List<RecordedEvent> of(TicketId ticket, Scope scope);

    /**
     * The events of several tickets, each ticket's in timeline order, as the scope sees them; a ticket
     * without events (or outside the scope) is absent.
     */
    Map<TicketId, List<RecordedEvent>> of(Collection<TicketId> tickets, Scope scope);

    /** Every event id stored for a source (re-imports skip them). */
    List<String> eventIds(String source);

    /** Of these event ids of a source, those already stored. */
    List<String> existingEventIds(String source, Collection<String> eventIds);

    /** The next arrival number for a ticket's events. */
    long nextSeq(TicketId ticket);

    /** The next arrival number of each of these tickets that has events (a ticket without any starts at 1). */
    Map<TicketId, Long> nextSeqs(Collection<TicketId> tickets);
}
