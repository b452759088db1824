package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.clients.ClientId;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fold of a ticket's timeline into its row: what each event leaves of priority, status and assignee. */
class TicketStateTest {

    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final UUID ANA = UUID.fromString("00000000-0000-4000-8000-00000000a0a0");
    private static final UUID NETWORK = UUID.fromString("00000000-0000-4000-8000-00000000beef");

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("created only", List.of(), "P2", "NEW", null, null, null, 0),
                Arguments.of(
                        "a status change with the source's label",
                        List.of(status(10, TicketStatus.WAITING_ON_VENDOR, "Awaiting Microsoft")),
                        "P2",
                        "WAITING_ON_VENDOR",
                        "Awaiting Microsoft",
                        null,
                        null,
                        10),
                Arguments.of(
                        "resolved drops the label",
                        List.of(status(10, TicketStatus.IN_PROGRESS, "Working"), event(20, EventType.RESOLVED)),
                        "P2",
                        "RESOLVED",
                        null,
                        null,
                        null,
                        20),
                Arguments.of(
                        "reopened is open again",
                        List.of(event(20, EventType.RESOLVED), event(30, EventType.REOPENED)),
                        "P2",
                        "OPEN",
                        null,
                        null,
                        null,
                        30),
                Arguments.of(
                        "closed",
                        List.of(event(20, EventType.RESOLVED), event(40, EventType.CLOSED)),
                        "P2",
                        "CLOSED",
                        null,
                        null,
                        null,
                        40),
                Arguments.of(
                        "the last priority change wins",
                        List.of(priority(5, "P1"), priority(15, "P3")),
                        "P3",
                        "NEW",
                        null,
                        null,
                        null,
                        15),
                Arguments.of(
                        "the last assignment wins, a team alone clears the technician",
                        List.of(assigned(5, ANA, NETWORK), assigned(7, null, NETWORK)),
                        "P2",
                        "NEW",
                        null,
                        null,
                        NETWORK,
                        7),
                Arguments.of(
                        "replies, notes and cancellation leave the row, but move its update instant",
                        List.of(event(3, EventType.REPLIED), event(4, EventType.NOTE), event(6, EventType.CANCELLED)),
                        "P2",
                        "NEW",
                        null,
                        null,
                        null,
                        6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void theRowIsWhatTheTimelineLeaves(
            String name,
            List<RecordedEvent> after,
            String priority,
            String status,
            String label,
            UUID technician,
            UUID team,
            int updatedMinutes) {
        Ticket ticket = ticket();
        List<RecordedEvent> timeline = new ArrayList<>();
        timeline.add(new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                1,
                EventType.CREATED,
                CREATED,
                Priority.of("P2"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                CREATED,
                null));
        timeline.addAll(after);

        Ticket row = TicketState.fold(ticket, timeline);

        assertThat(row.priority().code()).isEqualTo(priority);
        assertThat(row.status().name()).isEqualTo(status);
        assertThat(row.statusLabel()).isEqualTo(label);
        assertThat(row.assignment().technicianId()).isEqualTo(technician);
        assertThat(row.assignment().teamId()).isEqualTo(team);
        assertThat(row.updatedAt()).isEqualTo(CREATED.plusSeconds(60L * updatedMinutes));
        assertThat(row.id()).isEqualTo(ticket.id());
        assertThat(row.createdAt()).isEqualTo(CREATED);
    }

    private static Ticket ticket() {
        return new Ticket(
                new TicketId(UUID.fromString("01a23500-0000-7000-8000-000000000001")),
                ClientId.random(),
                Ticket.Coverage.outOfScope("no contract"),
                Priority.of("P2"),
                TicketStatus.IN_PROGRESS,
                "stale",
                new Ticket.Request(null, "Printer on fire", null, null),
                new Ticket.Origin(null, null),
                new Ticket.Assignment(ANA, null),
                CREATED,
                CREATED);
    }

    private static RecordedEvent event(int minutes, EventType kind) {
        return event(minutes, kind, null, null, null, null, null);
    }

    private static RecordedEvent status(int minutes, TicketStatus status, String label) {
        return event(minutes, EventType.STATUS_CHANGED, null, status, label, null, null);
    }

    private static RecordedEvent priority(int minutes, String code) {
        return event(minutes, EventType.PRIORITY_CHANGED, Priority.of(code), null, null, null, null);
    }

    private static RecordedEvent assigned(int minutes, UUID technician, UUID team) {
        return event(minutes, EventType.ASSIGNED, null, null, null, technician, team);
    }

    private static RecordedEvent event(
            int minutes,
            EventType kind,
            Priority priority,
            TicketStatus status,
            String label,
            UUID technician,
            UUID team) {
        Instant at = CREATED.plusSeconds(60L * minutes);
        return new RecordedEvent(
                UUID.randomUUID(),
                new TicketId(UUID.randomUUID()),
                minutes + 2,
                kind,
                at,
                priority,
                status,
                label,
                kind == EventType.REPLIED ? "AGENT" : null,
                kind == EventType.REPLIED ? Boolean.TRUE : null,
                null,
                technician,
                team,
                null,
                null,
                at,
                null);
    }
}
