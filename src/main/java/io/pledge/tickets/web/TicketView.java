package io.pledge.tickets.web;

import io.pledge.sla.ClockState;
import io.pledge.sla.SlaClock;
import io.pledge.sla.web.ClockView;
import io.pledge.tickets.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the API shows it, with its clocks. {@code noClocksReason} says why it has none; {@code next}
 * is the open clock that breaches first (or breached first), which orders the queue.
 */
record TicketView(
        UUID id,
        UUID clientId,
        UUID contractId,
        UUID tierId,
        Integer policyVersion,
        String noClocksReason,
        String priority,
        String status,
        String statusLabel,
        String service,
        String subject,
        String description,
        String requester,
        String source,
        String externalId,
        UUID technicianId,
        UUID teamId,
        Instant createdAt,
        Instant updatedAt,
        NextDue next,
        List<ClockView> clocks) {

    /**
     * The open clock due first: its metric and state, its due instant (its breach instant once breached), the
     * real time left until then (negative once overdue), and the business time left on its target or, once
     * breached, by how much it is over.
     */
    record NextDue(String metric, String state, Instant dueAt, String timeLeft, String remaining, String overdue) {

        static NextDue of(List<SlaClock> clocks, Instant now) {
            return clocks.stream()
                    .filter(clock -> clock.stoppedAt() == null && clock.dueAt() != null)
                    .filter(clock -> clock.state() != ClockState.CANCELLED)
                    .min(Comparator.comparing(SlaClock::dueAt))
                    .map(clock -> {
                        boolean breached = clock.state() == ClockState.BREACHED;
                        return new NextDue(
                                clock.metric().name(),
                                clock.state().name(),
                                clock.dueAt(),
                                Duration.between(now, clock.dueAt()).toString(),
                                (breached ? Duration.ZERO : clock.remaining()).toString(),
                                (breached ? clock.elapsed().minus(clock.target()) : Duration.ZERO).toString());
                    })
                    .orElse(null);
        }
    }

    /** The ticket with a summary of each clock as of {@code now}. */
    static TicketView of(Ticket ticket, List<SlaClock> clocks, Instant now) {
        return of(
                ticket,
                NextDue.of(clocks, now),
                clocks.stream().map(ClockView::summary).toList());
    }

    static TicketView of(Ticket ticket, NextDue next, List<ClockView> clocks) {
        return new TicketView(
                ticket.id().value(),
                ticket.clientId().value(),
                ticket.coverage().contractId(),
                ticket.coverage().tierId(),
                ticket.coverage().policyVersion(),
                ticket.coverage().scopeReason(),
                ticket.priority().code(),
                ticket.status().name(),
                ticket.statusLabel(),
                ticket.request().service(),
                ticket.request().subject(),
                ticket.request().description(),
                ticket.request().requester(),
                ticket.origin().source(),
                ticket.origin().externalId(),
                ticket.assignment().technicianId(),
                ticket.assignment().teamId(),
                ticket.createdAt(),
                ticket.updatedAt(),
                next,
                clocks);
    }
}
