package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.clients.ClientId;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The desk's recording of an event, without a database: the document parsed, then its technician and
 * team looked up in the catalog (stored nowhere here: the desk only reads what it is given).
 */
class TicketDeskEventTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant CREATED = Instant.parse("2026-03-09T09:00:00Z");
    private static final UUID ANA = UUID.fromString("01a23500-0000-7000-8000-0000000000a1");
    private static final UUID NIGHT_SHIFT = UUID.fromString("01a23500-0000-7000-8000-0000000000b1");

    private final TicketDesk desk = new TicketDesk(
            null,
            null,
            new Sources(null, CLOCK),
            null,
            null,
            null,
            PriorityScheme.STANDARD,
            new KnownTechnicians(),
            new KnownTeams(),
            null,
            null,
            CLOCK);

    private final Ticket ticket = new Ticket(
            new TicketId(UUID.fromString("01a23500-0000-7000-8000-000000000001")),
            ClientId.random(),
            Ticket.Coverage.outOfScope("no contract"),
            Priority.of("P2"),
            TicketStatus.NEW,
            null,
            new Ticket.Request(null, "Printer on fire", null, null),
            new Ticket.Origin("psa", "T-1"),
            Ticket.Assignment.NOBODY,
            CREATED,
            CREATED);

    private static TicketEventDocument assignment(String technician, String team, String body) {
        return new TicketEventDocument("ASSIGNED", null, null, null, null, null, body, technician, team);
    }

    @Test
    void aValidAssignmentBecomesAnEventOfTheTicket() {
        Violations violations = new Violations();

        RecordedEvent event = desk.event(
                ticket,
                assignment(ANA.toString(), NIGHT_SHIFT.toString(), "Ana takes it"),
                "e-7",
                4,
                CLOCK.instant(),
                violations,
                "");

        assertThat(violations.isEmpty()).isTrue();
        assertThat(event.ticket()).isEqualTo(ticket.id());
        assertThat(event.seq()).isEqualTo(4);
        assertThat(event.kind()).isEqualTo(EventType.ASSIGNED);
        assertThat(event.at()).isEqualTo(CLOCK.instant());
        assertThat(event.technicianId()).isEqualTo(ANA);
        assertThat(event.teamId()).isEqualTo(NIGHT_SHIFT);
        assertThat(event.body()).isEqualTo("Ana takes it");
        assertThat(event.source()).isEqualTo("psa");
        assertThat(event.eventId()).isEqualTo("e-7");
        assertThat(event.recordedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void anEngineStatusIsRecordedWithItsLabel() {
        Violations violations = new Violations();

        RecordedEvent event = desk.event(
                ticket,
                new TicketEventDocument(
                        "STATUS_CHANGED", null, null, " waiting on customer ", null, null, null, null, null),
                null,
                2,
                CLOCK.instant(),
                violations,
                "");

        assertThat(violations.isEmpty()).isTrue();
        assertThat(event.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(event.statusLabel()).isEqualTo("waiting on customer");
    }

    @Test
    void unknownReferencesAreNamedUnderThePrefix() {
        Violations violations = new Violations();
        UUID stranger = UUID.fromString("01a23500-0000-7000-8000-0000000000c1");

        RecordedEvent event = desk.event(
                ticket,
                assignment(stranger.toString(), stranger.toString(), null),
                null,
                2,
                CLOCK.instant(),
                violations,
                "events[1].");

        assertThat(event).isNull();
        assertThat(violations.list())
                .containsExactly(
                        new Violation("events[1].technicianId", "unknown technician " + stranger),
                        new Violation("events[1].teamId", "unknown team " + stranger));
    }

    @Test
    void violationsOfEarlierItemsDoNotRejectAValidEvent() {
        Violations violations = new Violations();
        violations.add("events[0].type", "is required");

        RecordedEvent event = desk.event(
                ticket, assignment(ANA.toString(), null, null), null, 2, CLOCK.instant(), violations, "events[1].");

        assertThat(event).isNotNull();
        assertThat(violations.count()).isEqualTo(1);
    }

    @Test
    void anUnknownTechnicianIsNamedWithTheDocumentsOtherFaults() {
        Violations violations = new Violations();

        RecordedEvent event = desk.event(
                ticket,
                assignment("01a23500-0000-7000-8000-0000000000c1", null, null),
                null,
                2,
                CLOCK.instant().minusSeconds(3600 * 48),
                violations,
                "");

        assertThat(event).isNull();
        assertThat(violations.list().stream().map(Violation::field).toList()).containsExactly("at", "technicianId");
    }

    /** Knows Ana only. */
    private static final class KnownTechnicians implements Technicians {
        @Override
        public Technician add(String name, String email, UUID teamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Technician> find(UUID id) {
            return ANA.equals(id) ? Optional.of(new Technician(ANA, "Ana", "ana@msp.test", null)) : Optional.empty();
        }

        @Override
        public List<Technician> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Technician> replace(UUID id, String name, String email, UUID teamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(UUID id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Knows the night shift only. */
    private static final class KnownTeams implements Teams {
        @Override
        public Team add(String name, String email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Team> find(UUID id) {
            return NIGHT_SHIFT.equals(id)
                    ? Optional.of(new Team(NIGHT_SHIFT, "Night shift", "night@msp.test"))
                    : Optional.empty();
        }

        @Override
        public List<Team> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Team> replace(UUID id, String name, String email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(UUID id) {
            throw new UnsupportedOperationException();
        }
    }
}
