package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketEvent;
import io.pledge.sla.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored events as the SLA engine sees them. */
class SlaCalculatorTimelineTest {

    private static final Instant CREATED = Instant.parse("2026-03-30T07:00:00Z");
    private static final TicketId TICKET = new TicketId(UUID.randomUUID());

    @Test
    void everyClockEventKeepsItsTypeAndFieldsAndAssignmentsAreLeftOut() {
        List<RecordedEvent> stored = List.of(
                event(0, EventType.CREATED, Priority.of("P2"), null, null, null),
                event(1, EventType.ASSIGNED, null, null, null, null),
                event(2, EventType.REPLIED, null, null, "CUSTOMER", null),
                event(3, EventType.REPLIED, null, null, "AGENT", false),
                event(4, EventType.NOTE, null, null, null, null),
                event(5, EventType.STATUS_CHANGED, null, TicketStatus.WAITING_ON_VENDOR, null, null),
                event(6, EventType.PRIORITY_CHANGED, Priority.of("P1"), null, null, null),
                event(7, EventType.RESOLVED, null, null, null, null),
                event(8, EventType.REOPENED, null, null, null, null),
                event(9, EventType.CLOSED, null, null, null, null),
                event(10, EventType.CANCELLED, null, null, null, null));

        assertThat(SlaCalculator.timeline(stored).events())
                .containsExactly(
                        new TicketEvent.Created(at(0), Priority.of("P2")),
                        new TicketEvent.Replied(at(2), TicketEvent.Author.CUSTOMER, true),
                        new TicketEvent.Replied(at(3), TicketEvent.Author.AGENT, false),
                        new TicketEvent.Note(at(4)),
                        new TicketEvent.StatusChanged(at(5), TicketStatus.WAITING_ON_VENDOR),
                        new TicketEvent.PriorityChanged(at(6), Priority.of("P1")),
                        new TicketEvent.Resolved(at(7)),
                        new TicketEvent.Reopened(at(8)),
                        new TicketEvent.Closed(at(9)),
                        new TicketEvent.Cancelled(at(10)));
    }

    private static Instant at(int minutes) {
        return CREATED.plusSeconds(60L * minutes);
    }

    private static RecordedEvent event(
            int minutes, EventType type, Priority priority, TicketStatus status, String author, Boolean isPublic) {
        return new RecordedEvent(
                UUID.randomUUID(),
                TICKET,
                minutes + 1,
                type,
                at(minutes),
                priority,
                status,
                status == null ? null : status.name(),
                author,
                isPublic,
                null,
                type == EventType.ASSIGNED ? UUID.randomUUID() : null,
                null,
                null,
                null,
                at(minutes),
                null);
    }
}
