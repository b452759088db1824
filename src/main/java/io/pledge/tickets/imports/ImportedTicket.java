package io.pledge.tickets.imports;

import io.pledge.sla.Priority;
import io.pledge.tickets.TicketEventDocument;
import java.time.Instant;
import java.util.List;

/**
 * A ticket read from an import file: its id in the other system, creation, priority, optional service
 * and subject, and its later events, each with its own idempotency key and the line it came from.
 */
record ImportedTicket(
        String externalId,
        String client,
        Instant createdAt,
        Priority priority,
        String service,
        String subject,
        int line,
        List<Event> events) {

    record Event(String eventId, TicketEventDocument document, int line) {}
}
