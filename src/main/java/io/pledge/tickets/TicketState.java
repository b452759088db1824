package io.pledge.tickets;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a ticket's row holds of its events: the fold of its timeline into its current state. */
public final class TicketState {

    private TicketState() {}

    /** The ticket row as its events (in timeline order) leave it: priority, status and assignee after the
     * last of each, updated at the latest event. */
    public static Ticket fold(Ticket ticket, List<RecordedEvent> events) {
        Priority priority = ticket.priority();
        TicketStatus status = TicketStatus.NEW;
        String label = null;
        UUID technician = null;
        UUID team = null;
        Instant updated = ticket.createdAt();
        for (RecordedEvent event : events) {
            updated = event.at().isAfter(updated) ? event.at() : updated;
            switch (event.kind()) {
                case CREATED -> priority = event.priority();
                case PRIORITY_CHANGED -> priority = event.priority();
                case STATUS_CHANGED -> {
                    status = event.status();
                    label = event.statusLabel();
                }
                case RESOLVED -> {
                    status = TicketStatus.RESOLVED;
                    label = null;
                }
                case CLOSED -> {
                    status = TicketStatus.CLOSED;
                    label = null;
                }
                case REOPENED -> {
                    status = TicketStatus.OPEN;
                    label = null;
                }
                case ASSIGNED -> {
                    technician = event.technicianId();
                    team = event.teamId();
                }
                default -> {
                    // Replies, notes and cancellation leave the row as it is.
                }
            }
        }
        return ticket.withState(priority, status, label, new Ticket.Assignment(technician, team), updated);
    }
}
