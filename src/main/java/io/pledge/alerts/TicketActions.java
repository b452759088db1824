package io.pledge.alerts;

import io.pledge.core.Scope;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketId;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * REASSIGN and RAISE_PRIORITY deliveries: an event recorded on the ticket, audited as done by the rule,
 * in the transaction that marks the delivery sent (so it happens once). A ticket already resolved or
 * closed, already with that team, or already at that priority or a higher one, is left as it is.
 */
@Component
class TicketActions implements Channel {

    private static final Set<TicketStatus> DONE = Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final TicketDesk tickets;
    private final EscalationRules rules;

    TicketActions(TicketDesk tickets, EscalationRules rules) {
        this.tickets = tickets;
        this.rules = rules;
    }

    @Override
    public String deliver(Delivery delivery, Instant now) {
        TicketId id = new TicketId(delivery.ticketId());
        Ticket ticket = tickets.find(id, Scope.everything()).orElse(null);
        if (ticket == null) {
            return "ticket " + id + " no longer exists";
        }
        if (DONE.contains(ticket.status())) {
            return null;
        }
        String actor = "escalation:"
                + rules.find(delivery.ruleId(), delivery.ruleVersion())
                        .map(EscalationRule::name)
                        .orElse(delivery.ruleId().toString());
        TicketEventDocument event;
        if (delivery.action() == EscalationRule.Action.REASSIGN) {
            if (delivery.target().equals(String.valueOf(ticket.assignment().teamId()))
                    && ticket.assignment().technicianId() == null) {
                return null;
            }
            event = new TicketEventDocument("ASSIGNED", null, null, null, null, null, null, null, delivery.target());
        } else {
            if (ticket.priority().compareTo(Priority.of(delivery.target())) <= 0) {
                return null;
            }
            event = new TicketEventDocument(
                    "PRIORITY_CHANGED", null, delivery.target(), null, null, null, null, null, null);
        }
        tickets.record(id, event, actor);
        return null;
    }
}
