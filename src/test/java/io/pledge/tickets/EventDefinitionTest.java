package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.EventParser;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.TicketEvent;
import io.pledge.sla.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Event documents validated into definitions: each invalid field named, the rules of {@code at}. */
class EventDefinitionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant CREATED = Instant.parse("2026-03-09T09:00:00Z");

    private static TicketEventDocument event(String type, String at) {
        return new TicketEventDocument(type, at, null, null, null, null, null, null, null);
    }

    private static final UUID KNOWN_TEAM = UUID.fromString("01a23500-0000-7000-8000-0000000000e1");

    /** Knows every technician, and one team. */
    private static final EventDefinition.Catalog CATALOG = new EventDefinition.Catalog() {
        @Override
        public boolean hasTechnician(UUID id) {
            return true;
        }

        @Override
        public boolean hasTeam(UUID id) {
            return KNOWN_TEAM.equals(id);
        }
    };

    private static EventDefinition parse(TicketEventDocument document, Violations violations) {
        return EventDefinition.parse(
                document,
                CREATED,
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                EventParser.ENGINE_STATUSES,
                CATALOG,
                violations);
    }

    @Test
    void anUnknownTeamIsNamedWithTheDocumentsOtherFaults() {
        Violations violations = new Violations();
        String unknown = "01a23500-0000-7000-8000-0000000000e2";

        assertThat(parse(
                        new TicketEventDocument(
                                "ASSIGNED", "2026-03-01T00:00:00Z", null, null, null, null, null, null, unknown),
                        violations))
                .isNull();
        assertThat(violations.list())
                .containsExactly(
                        new Violation("at", "is before the ticket's creation at " + CREATED),
                        new Violation("teamId", "unknown team " + unknown));
    }

    private static List<String> fields(Violations violations) {
        return violations.list().stream().map(Violation::field).toList();
    }

    @Test
    void anEventWithoutAtHappensNow() {
        Violations violations = new Violations();
        EventDefinition definition = parse(event("resolved", null), violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(definition.type()).isEqualTo(EventType.RESOLVED);
        assertThat(definition.at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void eachTypeReadsItsOwnFields() {
        Violations violations = new Violations();
        UUID technician = UUID.randomUUID();
        EventDefinition priority = parse(
                new TicketEventDocument("PRIORITY_CHANGED", null, "p1", null, null, null, null, null, null),
                violations);
        EventDefinition status = parse(
                new TicketEventDocument("STATUS_CHANGED", null, null, "In_Progress", null, null, null, null, null),
                violations);
        EventDefinition reply = parse(
                new TicketEventDocument("REPLIED", null, null, null, "customer", false, "Thanks", null, null),
                violations);
        EventDefinition assigned = parse(
                new TicketEventDocument(
                        "ASSIGNED", "2026-03-09T10:00:00Z", null, null, null, null, null, technician.toString(), null),
                violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(priority.details().priority()).isEqualTo(Priority.of("P1"));
        assertThat(status.details().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(status.details().statusLabel()).isEqualTo("In_Progress");
        assertThat(reply.details().author()).isEqualTo(TicketEvent.Author.CUSTOMER);
        assertThat(reply.details().isPublic()).isFalse();
        assertThat(reply.body()).isEqualTo("Thanks");
        assertThat(assigned.technician()).isEqualTo(technician);
        assertThat(assigned.team()).isNull();
        assertThat(assigned.at()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    }

    @Test
    void aCreationCannotBeRecorded() {
        Violations violations = new Violations();

        assertThat(parse(event("CREATED", null), violations)).isNull();
        assertThat(fields(violations)).containsExactly("type");
    }

    @Test
    void anUnknownTypeIsNamedAlongsideABadAt() {
        Violations violations = new Violations();

        assertThat(parse(event("LAUNCHED", "soon"), violations)).isNull();
        assertThat(fields(violations)).containsExactly("type", "at");
    }

    @Test
    void everyInvalidFieldOfAnAssignmentIsNamed() {
        Violations violations = new Violations();

        assertThat(parse(
                        new TicketEventDocument(
                                "ASSIGNED", null, null, null, null, null, "b".repeat(100_001), "nobody", "none"),
                        violations))
                .isNull();
        assertThat(fields(violations)).containsExactly("technicianId", "teamId", "body");
    }

    @Test
    void anAssignmentNamesSomeone() {
        Violations violations = new Violations();

        assertThat(parse(event("ASSIGNED", null), violations)).isNull();
        assertThat(violations.list())
                .containsExactly(new Violation("technicianId", "an assignment names a technician, a team or both"));
    }

    @Test
    void invalidDetailsAreNamedUnderThePrefix() {
        Violations violations = new Violations();
        EventDefinition.parse(
                new TicketEventDocument("REPLIED", null, null, null, "robot", null, null, null, null),
                CREATED,
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                EventParser.ENGINE_STATUSES,
                CATALOG,
                violations.under("events[2]."));
        EventDefinition.parse(
                new TicketEventDocument("STATUS_CHANGED", null, null, "Parked", null, null, null, null, null),
                CREATED,
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                EventParser.ENGINE_STATUSES,
                CATALOG,
                violations.under("events[3]."));
        EventDefinition.parse(
                new TicketEventDocument("PRIORITY_CHANGED", null, "P7", null, null, null, null, null, null),
                CREATED,
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                EventParser.ENGINE_STATUSES,
                CATALOG,
                violations.under("events[4]."));

        assertThat(fields(violations)).containsExactly("events[2].author", "events[3].status", "events[4].priority");
    }

    @Test
    void atIsNotBeforeTheTicketsCreation() {
        Violations atCreation = new Violations();
        Violations before = new Violations();

        assertThat(parse(event("NOTE", CREATED.toString()), atCreation)).isNotNull();
        assertThat(parse(event("NOTE", "2026-03-09T08:59:59Z"), before)).isNull();
        assertThat(atCreation.isEmpty()).isTrue();
        assertThat(before.list())
                .containsExactly(new Violation("at", "is before the ticket's creation at 2026-03-09T09:00:00Z"));
    }

    @Test
    void atIsNotInTheFutureBeyondTheSkew() {
        Violations within = new Violations();
        Violations beyond = new Violations();

        assertThat(parse(event("NOTE", "2026-03-10T12:05:00Z"), within)).isNotNull();
        assertThat(parse(event("NOTE", "2026-03-10T12:05:00.000001Z"), beyond)).isNull();
        assertThat(within.isEmpty()).isTrue();
        assertThat(beyond.list()).containsExactly(new Violation("at", "is in the future: 2026-03-10T12:05:00.000001Z"));
    }
}
