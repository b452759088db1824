package io.pledge.sla;

import java.time.Instant;
import java.util.Objects;

/** Something that happened to a ticket, at an instant: what SLA clocks are computed from. */
public sealed interface TicketEvent {

    Instant at();

    EventType type();

    /**
     * The event of a type, from the fields the type needs: a priority for CREATED and PRIORITY_CHANGED, a
     * status for STATUS_CHANGED, an author and whether it is public for REPLIED (others are ignored).
     *
     * @throws IllegalArgumentException for {@link EventType#ASSIGNED}, which never touches the clocks
     */
    static TicketEvent of(
            EventType type, Instant at, Priority priority, TicketStatus status, Author author, boolean isPublic) {
        return switch (type) {
            case CREATED -> new Created(at, priority);
            case STATUS_CHANGED -> new StatusChanged(at, status);
            case REPLIED -> new Replied(at, author, isPublic);
            case NOTE -> new Note(at);
            case PRIORITY_CHANGED -> new PriorityChanged(at, priority);
            case RESOLVED -> new Resolved(at);
            case REOPENED -> new Reopened(at);
            case CLOSED -> new Closed(at);
            case CANCELLED -> new Cancelled(at);
            case ASSIGNED -> throw new IllegalArgumentException("an assignment is not a clock event");
        };
    }

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

        @Override
        public EventType type() {
            return EventType.CREATED;
        }
    }

    record StatusChanged(Instant at, TicketStatus status) implements TicketEvent {
        public StatusChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public EventType type() {
            return EventType.STATUS_CHANGED;
        }
    }

    /** A reply; only a public reply by an agent of the MSP is a first response. */
    record Replied(Instant at, Author author, boolean isPublic) implements TicketEvent {
        public Replied {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(author, "author");
        }

        @Override
        public EventType type() {
            return EventType.REPLIED;
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

        @Override
        public EventType type() {
            return EventType.NOTE;
        }
    }

    record PriorityChanged(Instant at, Priority priority) implements TicketEvent {
        public PriorityChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(priority, "priority");
        }

        @Override
        public EventType type() {
            return EventType.PRIORITY_CHANGED;
        }
    }

    record Resolved(Instant at) implements TicketEvent {
        public Resolved {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.RESOLVED;
        }
    }

    record Reopened(Instant at) implements TicketEvent {
        public Reopened {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.REOPENED;
        }
    }

    record Closed(Instant at) implements TicketEvent {
        public Closed {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.CLOSED;
        }
    }

    /** The ticket no longer counts (deleted, merged, out of scope): its clocks are cancelled. */
    record Cancelled(Instant at) implements TicketEvent {
        public Cancelled {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.CANCELLED;
        }
    }
}
