package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket documents validated into definitions: each invalid field named, createdAt rules, defaults. */
class TicketDefinitionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private static TicketDocument document(String client, String priority, String subject, String createdAt) {
        return new TicketDocument(client, priority, null, subject, null, null, createdAt, null, null);
    }

    private static List<String> fields(Violations violations) {
        return violations.list().stream().map(Violation::field).toList();
    }

    @Test
    void aValidDocumentDefaultsItsCreationToNow() {
        Violations violations = new Violations();
        TicketDefinition definition = TicketDefinition.parse(
                new TicketDocument(
                        " acme ", "p2", "ERP", "Printer down", "Third floor", "ann@acme.test", null, "psa", "T-1"),
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(definition.client()).isEqualTo("acme");
        assertThat(definition.priority()).isEqualTo(Priority.of("P2"));
        assertThat(definition.service()).isEqualTo("ERP");
        assertThat(definition.subject()).isEqualTo("Printer down");
        assertThat(definition.description()).isEqualTo("Third floor");
        assertThat(definition.requester()).isEqualTo("ann@acme.test");
        assertThat(definition.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(definition.source()).isEqualTo("psa");
        assertThat(definition.externalId()).isEqualTo("T-1");
    }

    @Test
    void aPastCreationIsKeptAtMicrosecondPrecision() {
        Violations violations = new Violations();
        TicketDefinition definition = TicketDefinition.parse(
                document("acme", "P1", "Down", "2026-03-01T08:00:00.123456789Z"),
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(definition.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Violations violations = new Violations();
        TicketDefinition definition = TicketDefinition.parse(
                new TicketDocument(" ", "P0", "s".repeat(201), null, null, "r".repeat(321), "yesterday", null, "T-1"),
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                violations);

        assertThat(definition).isNull();
        assertThat(fields(violations))
                .containsExactly("client", "priority", "service", "subject", "requester", "createdAt", "source");
    }

    @Test
    void fieldsAreNamedUnderThePrefix() {
        Violations violations = new Violations();
        TicketDefinition.parse(
                document("acme", "P9", "Down", null), CLOCK.instant(), PriorityScheme.STANDARD, violations.under("t."));

        assertThat(fields(violations)).containsExactly("t.priority");
        assertThat(violations.list().get(0).message()).contains("P1");
    }

    @Test
    void aCreationInTheFutureIsRefusedBeyondTheSkew() {
        Violations within = new Violations();
        TicketDefinition.parse(
                document("acme", "P1", "Down", "2026-03-10T12:05:00Z"),
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                within);
        Violations beyond = new Violations();
        TicketDefinition late = TicketDefinition.parse(
                document("acme", "P1", "Down", "2026-03-10T12:05:01Z"),
                CLOCK.instant(),
                PriorityScheme.STANDARD,
                beyond);

        assertThat(within.isEmpty()).isTrue();
        assertThat(late).isNull();
        assertThat(beyond.list()).containsExactly(new Violation("createdAt", "is in the future: 2026-03-10T12:05:01Z"));
    }

    @Test
    void violationsFoundBeforeDoNotMakeAValidDocumentInvalid() {
        Violations violations = new Violations();
        violations.add("earlier", "is wrong");

        TicketDefinition definition = TicketDefinition.parse(
                document("acme", "P1", "Down", null), CLOCK.instant(), PriorityScheme.STANDARD, violations);

        assertThat(definition).isNotNull();
        assertThat(violations.count()).isEqualTo(1);
    }
}
