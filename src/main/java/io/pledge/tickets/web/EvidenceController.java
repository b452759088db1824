package io.pledge.tickets.web;

import io.pledge.audit.AuditEntry;
import io.pledge.audit.AuditVerifier;
import io.pledge.core.Scope;
import io.pledge.sla.web.ClockView;
import io.pledge.tickets.TicketEvidence;
import io.pledge.tickets.TicketId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    private final TicketEvidence evidence;

    EvidenceController(TicketEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/tickets/{id}/evidence")
    @Operation(
            summary = "A ticket's evidence pack: events, SLA timeline, audit entries and the audit chain from the"
                    + " ticket's first entry to the head, verifiable by a third party")
    EvidencePack evidence(@PathVariable UUID id, Scope scope) {
        TicketEvidence.Pack pack = evidence.of(new TicketId(id), scope);
        return new EvidencePack(
                FORMAT,
                pack.generatedAt(),
                TicketView.of(pack.ticket(), null, List.of()),
                pack.events().stream().map(EventView::of).toList(),
                pack.clocks().stream().map(ClockView::of).toList(),
                new AuditProof(pack.chain(), pack.ticketEntries(), pack.entries(), pack.head()));
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
