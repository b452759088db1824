package io.pledge.sla;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Validates the events of a ticket document, naming each offending path ({@code events[3].at}). */
public final class TimelineParser {

    /** The event types a timeline is made of. */
    public enum EventType {
        CREATED,
        STATUS_CHANGED,
        REPLIED,
        NOTE,
        PRIORITY_CHANGED,
        RESOLVED,
        REOPENED,
        CLOSED,
        CANCELLED
    }

    private static final String TYPES = Arrays.toString(EventType.values());

    private TimelineParser() {}

    /** The timeline of the events, or null when invalid (violations recorded). */
    public static TicketTimeline parse(List<EventDocument> documents, PriorityScheme scheme, Violations violations) {
        if (documents == null || documents.isEmpty()) {
            violations.add("events", "at least the CREATED event is required");
            return null;
        }
        int before = violations.count();
        List<TicketEvent> events = new ArrayList<>(documents.size());
        List<Integer> positions = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            TicketEvent event = parse(documents.get(i), scheme, violations.under("events[" + i + "]."), violations, i);
            if (event != null) {
                events.add(event);
                positions.add(i);
            }
        }
        if (violations.count() > before) {
            return null;
        }
        int created = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TicketEvent.Created) {
                if (created >= 0) {
                    violations.add(
                            "events[" + positions.get(i) + "].type", "a ticket is created once; CREATED came already");
                    return null;
                }
                created = i;
            }
        }
        if (created < 0) {
            violations.add("events", "a ticket's events start with CREATED");
            return null;
        }
        Instant creation = events.get(created).at();
        for (int i = 0; i < events.size(); i++) {
            Instant at = events.get(i).at();
            if (at.isBefore(creation) || (at.equals(creation) && i < created)) {
                violations.add("events[" + positions.get(i) + "].at", "is before the ticket's creation at " + creation);
            }
        }
        return violations.count() > before ? null : TicketTimeline.of(events);
    }

    private static TicketEvent parse(
            EventDocument document, PriorityScheme scheme, Violations fields, Violations all, int index) {
        if (document == null) {
            all.add("events[" + index + "]", "must be an object");
            return null;
        }
        int before = all.count();
        EventType type = fields.parse(
                "type",
                document.type(),
                "event type " + TYPES.replace("[", "(").replace("]", ")"),
                text -> EventType.valueOf(text.toUpperCase(Locale.ROOT)));
        Instant at = fields.parse("at", document.at(), Instants.WHAT, Instants::parse);
        if (type == null) {
            return null;
        }
        Priority priority = null;
        TicketStatus status = null;
        TicketEvent.Author author = null;
        switch (type) {
            case CREATED, PRIORITY_CHANGED ->
                priority = fields.parse(
                        "priority",
                        document.priority(),
                        "priority (" + scheme.describe() + ")",
                        code -> scheme.find(code.toUpperCase(Locale.ROOT)).orElseThrow());
            case STATUS_CHANGED ->
                status = fields.parse(
                        "status",
                        document.status(),
                        "status " + Arrays.toString(TicketStatus.values()),
                        text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
            case REPLIED ->
                author = fields.parse(
                        "author",
                        document.author(),
                        "author (AGENT or CUSTOMER)",
                        text -> TicketEvent.Author.valueOf(text.toUpperCase(Locale.ROOT)));
            default -> {
                // No further fields.
            }
        }
        if (all.count() > before) {
            return null;
        }
        return switch (type) {
            case CREATED -> new TicketEvent.Created(at, priority);
            case STATUS_CHANGED -> new TicketEvent.StatusChanged(at, status);
            case REPLIED -> new TicketEvent.Replied(at, author, document.isPublic() == null || document.isPublic());
            case NOTE -> new TicketEvent.Note(at);
            case PRIORITY_CHANGED -> new TicketEvent.PriorityChanged(at, priority);
            case RESOLVED -> new TicketEvent.Resolved(at);
            case REOPENED -> new TicketEvent.Reopened(at);
            case CLOSED -> new TicketEvent.Closed(at);
            case CANCELLED -> new TicketEvent.Cancelled(at);
        };
    }
}
