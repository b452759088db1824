package io.pledge.tickets;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import io.pledge.sla.EventParser;
import io.pledge.sla.EventType;
import io.pledge.sla.PriorityScheme;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A validated event document for a ticket, its references checked against the catalog.
 *
 * @param at when the event happened: the document's, or now when it gives none
 * @param details what the type needs (priority, status, author, visibility)
 * @param technician the technician of an assignment, if named
 * @param team the team of an assignment, if named
 */
public record EventDefinition(
        EventType type, Instant at, EventParser.Details details, UUID technician, UUID team, String body) {

    /** What may be recorded on a ticket: every event type but its creation. */
    static final EventParser.Accepted RECORDED =
            new EventParser.Accepted(EnumSet.complementOf(EnumSet.of(EventType.CREATED)), "event type");

    /** Which technicians and teams exist: an assignment may name only those. */
    public interface Catalog {
        boolean hasTechnician(UUID id);

        boolean hasTeam(UUID id);
    }

    /**
     * Validates an event document for a ticket created at {@code createdAt}, recording every violation;
     * null when invalid. {@code at} is never before the ticket's creation nor in the future (beyond
     * {@link TicketDefinition#FUTURE_SKEW}); a status is read by {@code statuses} (the source's mapping);
     * an assignment's technician and team must be in {@code catalog}. Every violation is named in one pass.
     */
    public static EventDefinition parse(
            TicketEventDocument document,
            Instant createdAt,
            Instant now,
            PriorityScheme priorities,
            EventParser.StatusReader statuses,
            Catalog catalog,
            Violations violations) {
        int before = violations.count();
        EventType type = EventParser.type(document.type(), RECORDED, violations);
        Instant at = document.at() == null
                ? now
                : violations.parse("at", document.at(), Instants.WHAT, TicketDefinition::instant);
        if (at != null && at.isBefore(createdAt)) {
            violations.add("at", "is before the ticket's creation at " + createdAt);
        } else if (at != null && at.isAfter(now.plus(TicketDefinition.FUTURE_SKEW))) {
            violations.add("at", "is in the future: " + document.at());
        }
        if (type == null) {
            return null;
        }
        EventParser.Details details = EventParser.details(type, document, priorities, statuses, violations);
        UUID technician = null;
        UUID team = null;
        if (type == EventType.ASSIGNED) {
            technician = violations.parseOptional(
                    "technicianId", document.technicianId(), "technician id", UUID::fromString);
            team = violations.parseOptional("teamId", document.teamId(), "team id", UUID::fromString);
            if (document.technicianId() == null && document.teamId() == null) {
                violations.add("technicianId", "an assignment names a technician, a team or both");
            }
            if (technician != null && !catalog.hasTechnician(technician)) {
                violations.add("technicianId", "unknown technician " + technician);
            }
            if (team != null && !catalog.hasTeam(team)) {
                violations.add("teamId", "unknown team " + team);
            }
        }
        String body = violations.optionalText("body", document.body(), 100_000);
        if (violations.count() > before) {
            return null;
        }
        return new EventDefinition(type, at, details, technician, team, body);
    }
}
