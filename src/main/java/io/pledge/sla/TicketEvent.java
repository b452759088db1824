package io.pledge.sla;

import java.time.Instant;
import java.util.Objects;

/** Something that happened to a ticket, at an instant: what SLA clocks are computed from. */
public sealed interface TicketEvent {

    Instant at();

    /** Who wrote a reply. */
    enum Author {
        AGENT,
        CUSTOMER
    }

    /** The ticket was raised (the instant the client raised it, possibly in the past for imports). */
    record Created(Instant at, Priority priority) implements TicketEvent {
        public Created {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(priority, "priority");
        }
    }

    record StatusChanged(Instant at, TicketStatus status) implements TicketEvent {
        public StatusChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A reply; only a public reply by an agent of the MSP is a first response. */
    record Replied(Instant at, Author author, boolean isPublic) implements TicketEvent {
        public Replied {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(author, "author");
        }

        boolean isFirstResponse() {
            return author == Author.AGENT && isPublic;
        }
    }

    /** An internal note: never a response. */
    record Note(Instant at) implements TicketEvent {
        public Note {
            Objects.requireNonNull(at, "at");
        }
    }

    record PriorityChanged(Instant at, Priority priority) implements TicketEvent {
        public PriorityChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(priority, "priority");
        }
    }

    record Resolved(Instant at) implements TicketEvent {
        public Resolved {
            Objects.requireNonNull(at, "at");
        }
    }

    record Reopened(Instant at) implements TicketEvent {
        public Reopened {
            Objects.requireNonNull(at, "at");
        }
    }

    record Closed(Instant at) implements TicketEvent {
        public Closed {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The ticket no longer counts (deleted, merged, out of scope): its clocks are cancelled. */
    record Cancelled(Instant at) implements TicketEvent {
        public Cancelled {
            Objects.requireNonNull(at, "at");
        }
    }
}
