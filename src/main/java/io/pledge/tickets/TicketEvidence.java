package io.pledge.tickets;

import io.pledge.audit.AuditEntry;
import io.pledge.audit.AuditLog;
import io.pledge.audit.AuditVerifier;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What proves one ticket's SLA story, read in one snapshot: the ticket and its events as the scope sees
 * them, its clocks, and the stretch of its client's audit chain from the ticket's first entry to the
 * chain's head, which a third party can check without trusting Pledge.
 */
@Service
public class TicketEvidence {

    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final SlaCalculator calculator;
    private final AuditVerifier audit;
    private final Clock clock;

    TicketEvidence(
            Tickets tickets, TicketEvents ticketEvents, SlaCalculator calculator, AuditVerifier audit, Clock clock) {
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.calculator = calculator;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One ticket's evidence. {@code ticketEntries} are the sequence numbers of the ticket's own entries
     * among {@code entries}.
     */
    public record Pack(
            Instant generatedAt,
            Ticket ticket,
            List<RecordedEvent> events,
            List<SlaClock> clocks,
            String chain,
            List<Long> ticketEntries,
            List<AuditEntry> entries,
            AuditVerifier.Head head) {}

    /** The evidence of a ticket within the scope; another client's is not found. */
    @Transactional(readOnly = true)
    public Pack of(TicketId id, Scope scope) {
        Ticket ticket = tickets.find(id, scope).orElseThrow(() -> new NotFoundException("ticket", id));
        Instant now = Timestamps.now(clock);
        List<RecordedEvent> events = ticketEvents.of(ticket.id(), scope);
        String chain = AuditLog.clientChain(ticket.clientId().value());
        String subject = "ticket:" + ticket.id() + "#";
        long from = audit.firstOf(chain, subject).orElse(Long.MAX_VALUE);
        List<AuditEntry> entries = from == Long.MAX_VALUE ? List.of() : audit.entries(chain, from);
        return new Pack(
                now,
                ticket,
                events,
                calculator.clocks(ticket, events, now),
                chain,
                entries.stream()
                        .filter(entry -> entry.subject().startsWith(subject))
                        .map(AuditEntry::seq)
                        .toList(),
                entries,
                audit.head(chain).orElse(new AuditVerifier.Head(0, AuditEntry.GENESIS)));
    }
}
