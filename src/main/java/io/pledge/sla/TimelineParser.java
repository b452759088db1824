package io.pledge.sla;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Validates the events of a ticket document, naming each offending path ({@code events[3].at}). */
public final class TimelineParser {

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
        EventType type = EventParser.type(document.type(), EventParser.TIMELINE, fields);
        Instant at = fields.parse("at", document.at(), Instants.WHAT, Instants::parse);
        if (type == null) {
            return null;
        }
        EventParser.Details details = EventParser.details(type, document, scheme, EventParser.ENGINE_STATUSES, fields);
        if (all.count() > before) {
            return null;
        }
        return TicketEvent.of(
                type,
                at,
                details.priority(),
                details.status(),
                details.author(),
                Boolean.TRUE.equals(details.isPublic()));
    }
}
