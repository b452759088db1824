package io.pledge.tickets;

import io.pledge.core.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a ticket. */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** A new ticket's id: time-ordered, so that the ticket table's index grows at its end. */
    public static TicketId random() {
        return new TicketId(Uuids.timeOrdered());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
