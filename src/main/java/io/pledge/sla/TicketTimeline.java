package io.pledge.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ticket's events in order: by instant, ties in the order they arrived. The first is the ticket's
 * creation; there is exactly one, and nothing happens before it.
 */
public final class TicketTimeline {

    private final List<TicketEvent> events;

    private TicketTimeline(List<TicketEvent> events) {
        this.events = events;
    }

    /**
     * Orders events (stable sort by instant) and checks the creation rules.
     *
     * @throws IllegalArgumentException when the first event is not the one creation
     */
    public static TicketTimeline of(List<? extends TicketEvent> arrived) {
        List<TicketEvent> ordered = new ArrayList<>(arrived);
        ordered.sort(Comparator.comparing(TicketEvent::at));
        if (ordered.isEmpty() || !(ordered.get(0) instanceof TicketEvent.Created)) {
            throw new IllegalArgumentException("a timeline starts with the ticket's creation");
        }
        if (ordered.stream().filter(TicketEvent.Created.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("a ticket is created once");
        }
        return new TicketTimeline(List.copyOf(ordered));
    }

    public List<TicketEvent> events() {
        return events;
    }

    public TicketEvent.Created creation() {
        return (TicketEvent.Created) events.get(0);
    }

    public Instant createdAt() {
        return events.get(0).at();
    }
}
