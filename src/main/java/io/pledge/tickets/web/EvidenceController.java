package io.pledge.tickets.web;

import io.pledge.audit.AuditEntry;
import io.pledge.audit.AuditLog;
import io.pledge.audit.AuditVerifier;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.web.ClockView;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.SlaCalculator;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.jdbc.TicketStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One ticket's evidence pack: its events, its SLA timeline, its audit entries and the stretch of its
 * client's audit chain from the ticket's first entry to the chain's head, which a third party can check
 * with the procedure in the README without trusting Pledge. A client's pack shows the MSP's internal
 * events by kind, instants and the digest of their text only: the chain, which holds digests and never
 * text, checks the same.
 */
@RestController
@Tag(name = "Tickets")
class EvidenceController {

    static final String FORMAT = "pledge-evidence-v1";

    private final TicketStore tickets;
    private final SlaCalculator calculator;
    private final AuditVerifier audit;
    private final Clock clock;

    EvidenceController(TicketStore tickets, SlaCalculator calculator, AuditVerifier audit, Clock clock) {
        this.tickets = tickets;
        this.calculator = calculator;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/tickets/{id}/evidence")
    @Operation(
            summary = "A ticket's evidence pack: events, SLA timeline, audit entries and the audit chain from the"
                    + " ticket's first entry to the head, verifiable by a third party")
    @Transactional(readOnly = true)
    EvidencePack evidence(@PathVariable UUID id, Scope scope) {
        Ticket ticket = tickets.find(new TicketId(id), scope).orElseThrow(() -> new NotFoundException("ticket", id));
        Instant now = Timestamps.now(clock);
        List<RecordedEvent> events = tickets.events(ticket.id(), scope);
        String chain = AuditLog.clientChain(ticket.clientId());
        String subject = "ticket:" + ticket.id() + "#";
        long from = audit.firstOf(chain, subject).orElse(Long.MAX_VALUE);
        List<AuditEntry> entries = from == Long.MAX_VALUE ? List.of() : audit.entries(chain, from);
        AuditVerifier.Head head = audit.head(chain).orElse(new AuditVerifier.Head(0, AuditEntry.GENESIS));
        return new EvidencePack(
                FORMAT,
                now,
                TicketView.of(ticket, null, List.of()),
                events.stream().map(EventView::of).toList(),
                calculator.clocks(ticket, events, now).stream()
                        .map(ClockView::of)
                        .toList(),
                new AuditProof(
                        chain,
                        entries.stream()
                                .filter(entry -> entry.subject().startsWith(subject))
                                .map(AuditEntry::seq)
                                .toList(),
                        entries,
                        head));
    }

    record EvidencePack(
            String format,
            Instant generatedAt,
            TicketView ticket,
            List<EventView> events,
            List<ClockView> sla,
            AuditProof audit) {}

    /**
     * The client's chain from the ticket's first entry to the head: {@code ticketEntries} are the
     * sequence numbers of the ticket's own entries among {@code entries}.
     */
    record AuditProof(String chain, List<Long> ticketEntries, List<AuditEntry> entries, AuditVerifier.Head head) {}
}
