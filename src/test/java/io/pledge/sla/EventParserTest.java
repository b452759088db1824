package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.Violation;
import io.pledge.core.Violations;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One reading of an event's type and the fields its type needs, for every door events come in by. */
class EventParserTest {

    private static final String TIMELINE_TYPES =
            "event type (CREATED, STATUS_CHANGED, REPLIED, NOTE, PRIORITY_CHANGED, RESOLVED, REOPENED, CLOSED, CANCELLED)";

    private static final EventParser.Accepted ALL_BUT_CREATION =
            new EventParser.Accepted(EnumSet.complementOf(EnumSet.of(EventType.CREATED)), "event type");

    @ParameterizedTest
    @MethodSource("types")
    void aTypeIsReadInAnyCaseAmongTheAcceptedOnes(String text, EventParser.Accepted accepted, Object expected) {
        Violations violations = new Violations();
        EventType type = EventParser.type(text, accepted, violations);
        if (expected instanceof EventType expectedType) {
            assertThat(type).isEqualTo(expectedType);
            assertThat(violations.list()).isEmpty();
        } else {
            assertThat(type).isNull();
            assertThat(violations.list()).containsExactly(new Violation("type", (String) expected));
        }
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("CREATED", EventParser.TIMELINE, EventType.CREATED),
                Arguments.of(" status_changed ", EventParser.TIMELINE, EventType.STATUS_CHANGED),
                Arguments.of("Replied", ALL_BUT_CREATION, EventType.REPLIED),
                Arguments.of("ASSIGNED", ALL_BUT_CREATION, EventType.ASSIGNED),
                Arguments.of(null, EventParser.TIMELINE, "is required"),
                Arguments.of(" ", ALL_BUT_CREATION, "is required"),
                // A timeline is about clocks: an assignment is not one of its events.
                Arguments.of("ASSIGNED", EventParser.TIMELINE, "\"ASSIGNED\" is not a valid " + TIMELINE_TYPES),
                Arguments.of("escalated", EventParser.TIMELINE, "\"escalated\" is not a valid " + TIMELINE_TYPES),
                Arguments.of("created", ALL_BUT_CREATION, "\"created\" is not a valid event type"),
                Arguments.of("escalated", ALL_BUT_CREATION, "\"escalated\" is not a valid event type"));
    }

    @Test
    void theTimelineListsItsTypesInTheOrderOfTheVocabulary() {
        assertThat(EventParser.TIMELINE.what()).isEqualTo(TIMELINE_TYPES);
        assertThat(EventParser.TIMELINE.types())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .filter(EventType::affectsClocks)
                        .toList());
    }

    @Test
    void creationAndPriorityChangesNeedAPriorityOfTheScheme() {
        for (EventType type : new EventType[] {EventType.CREATED, EventType.PRIORITY_CHANGED}) {
            assertThat(details(type, document(null, " p1 ", null, null, null), new Violations())
                            .priority())
                    .isEqualTo(Priority.of("P1"));
            Violations violations = new Violations();
            EventParser.Details details = details(type, document(null, "P7", null, null, null), violations);
            assertThat(details.priority()).isNull();
            assertThat(violations.list())
                    .containsExactly(new Violation("priority", "\"P7\" is not a valid priority (P1, P2, P3, P4)"));
        }
        Violations missing = new Violations();
        details(EventType.PRIORITY_CHANGED, document(null, null, null, null, null), missing);
        assertThat(missing.list()).containsExactly(new Violation("priority", "is required"));
    }

    @Test
    void aStatusIsReadByTheDoorsOwnReaderAndKeepsItsLabel() {
        EventParser.Details engine = details(
                EventType.STATUS_CHANGED, document(null, null, " waiting_on_customer ", null, null), new Violations());
        assertThat(engine.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(engine.statusLabel()).isEqualTo("waiting_on_customer");

        Violations violations = new Violations();
        EventParser.Details unknown =
                details(EventType.STATUS_CHANGED, document(null, null, "Awaiting parts", null, null), violations);
        assertThat(unknown.status()).isNull();
        assertThat(unknown.statusLabel()).isNull();
        assertThat(violations.list())
                .containsExactly(new Violation(
                        "status",
                        "\"Awaiting parts\" is not a valid status [NEW, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER,"
                                + " WAITING_ON_VENDOR, SCHEDULED, RESOLVED, CLOSED]"));

        EventParser.StatusReader ownLabels =
                (text, fields) -> text.strip().equals("Awaiting parts") ? TicketStatus.WAITING_ON_VENDOR : null;
        EventParser.Details mapped = EventParser.details(
                EventType.STATUS_CHANGED,
                document(null, null, "Awaiting parts ", null, null),
                PriorityScheme.STANDARD,
                ownLabels,
                new Violations());
        assertThat(mapped.status()).isEqualTo(TicketStatus.WAITING_ON_VENDOR);
        assertThat(mapped.statusLabel()).isEqualTo("Awaiting parts");
    }

    @Test
    void aReplyNeedsAnAuthorAndIsPublicUnlessItSaysOtherwise() {
        EventParser.Details agent =
                details(EventType.REPLIED, document(null, null, null, "agent", null), new Violations());
        assertThat(agent.author()).isEqualTo(TicketEvent.Author.AGENT);
        assertThat(agent.authorName()).isEqualTo("AGENT");
        assertThat(agent.isPublic()).isTrue();
        assertThat(details(EventType.REPLIED, document(null, null, null, "CUSTOMER", false), new Violations())
                        .isPublic())
                .isFalse();

        Violations violations = new Violations();
        EventParser.Details robot = details(EventType.REPLIED, document(null, null, null, "robot", null), violations);
        assertThat(robot.author()).isNull();
        assertThat(violations.list())
                .containsExactly(new Violation("author", "\"robot\" is not a valid author (AGENT or CUSTOMER)"));
    }

    @ParameterizedTest
    @EnumSource(
            value = EventType.class,
            names = {"NOTE", "ASSIGNED", "RESOLVED", "REOPENED", "CLOSED", "CANCELLED"})
    void otherTypesNeedNothingAndIgnoreWhatElseTheDocumentSays(EventType type) {
        Violations violations = new Violations();
        EventParser.Details details = details(type, document(null, "P9", "nonsense", "robot", false), violations);
        assertThat(details).isEqualTo(new EventParser.Details(null, null, null, null, null));
        assertThat(violations.list()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyClockTypeMakesAClockEventOfThatType(EventType type) {
        Instant at = Instant.parse("2026-03-30T07:00:00Z");
        if (!type.affectsClocks()) {
            assertThatThrownBy(() -> TicketEvent.of(type, at, null, null, null, true))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        TicketEvent event = TicketEvent.of(
                type, at, Priority.of("P2"), TicketStatus.IN_PROGRESS, TicketEvent.Author.CUSTOMER, false);
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.at()).isEqualTo(at);
    }

    @Test
    void aTimelineIsParsedThroughTheSameReading() {
        Violations violations = new Violations();
        TicketTimeline timeline = TimelineParser.parse(
                java.util.List.of(
                        new EventDocument("created", "2026-03-30T09:00+02:00", "p2", null, null, null),
                        new EventDocument("REPLIED", "2026-03-30T09:10+02:00", null, null, "AGENT", null),
                        new EventDocument("STATUS_CHANGED", "2026-03-30T09:20+02:00", null, "scheduled", null, null)),
                PriorityScheme.STANDARD,
                violations);
        assertThat(violations.list()).isEmpty();
        assertThat(timeline.events())
                .containsExactly(
                        new TicketEvent.Created(Instant.parse("2026-03-30T07:00:00Z"), Priority.of("P2")),
                        new TicketEvent.Replied(Instant.parse("2026-03-30T07:10:00Z"), TicketEvent.Author.AGENT, true),
                        new TicketEvent.StatusChanged(Instant.parse("2026-03-30T07:20:00Z"), TicketStatus.SCHEDULED));

        Violations invalid = new Violations();
        assertThat(TimelineParser.parse(
                        java.util.List.of(
                                new EventDocument("CREATED", "2026-03-30T09:00+02:00", "P2", null, null, null),
                                new EventDocument("ASSIGNED", "2026-03-30T09:10+02:00", null, null, null, null),
                                new EventDocument("REPLIED", "2026-03-30T09:20+02:00", null, null, null, null)),
                        PriorityScheme.STANDARD,
                        invalid))
                .isNull();
        assertThat(invalid.list())
                .containsExactly(
                        new Violation("events[1].type", "\"ASSIGNED\" is not a valid " + TIMELINE_TYPES),
                        new Violation("events[2].author", "is required"));
    }

    private static EventParser.Details details(EventType type, EventDocument document, Violations violations) {
        return EventParser.details(type, document, PriorityScheme.STANDARD, EventParser.ENGINE_STATUSES, violations);
    }

    private static EventDocument document(
            String type, String priority, String status, String author, Boolean isPublic) {
        return new EventDocument(type, null, priority, status, author, isPublic);
    }
}
