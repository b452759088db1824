package io.pledge.tickets;

import io.pledge.core.Instants;
import io.pledge.core.Violations;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A validated ticket document, before its client is looked up: the client is still the reference the
 * document gives (id or slug), resolved by the {@link TicketDesk} against the catalog.
 *
 * @param createdAt when the ticket was created: the document's, or now when it gives none
 * @param source the system the ticket comes from, required with {@code externalId}
 */
public record TicketDefinition(
        String client,
        Priority priority,
        String service,
        String subject,
        String description,
        String requester,
        Instant createdAt,
        String source,
        String externalId) {

    /** Tolerated clock difference for tickets and events stamped by another system. */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    /**
     * Validates a ticket document, recording every violation; null when invalid. Whether the client
     * exists is the caller's to check.
     */
    public static TicketDefinition parse(
            TicketDocument document, Instant now, PriorityScheme priorities, Violations violations) {
        int before = violations.count();
        String client = violations.text("client", document.client(), 200);
        Priority priority = violations.parse(
                "priority",
                document.priority(),
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code.strip().toUpperCase(Locale.ROOT)).orElseThrow());
        String service = violations.optionalText("service", document.service(), 200);
        String subject = violations.text("subject", document.subject(), 500);
        String description = violations.optionalText("description", document.description(), 100_000);
        String requester = violations.optionalText("requester", document.requester(), 320);
        Instant createdAt = document.createdAt() == null
                ? now
                : violations.parse("createdAt", document.createdAt(), Instants.WHAT, TicketDefinition::instant);
        if (createdAt != null && createdAt.isAfter(now.plus(FUTURE_SKEW))) {
            violations.add("createdAt", "is in the future: " + document.createdAt());
        }
        String source = violations.optionalText("source", document.source(), 63);
        String externalId = violations.optionalText("externalId", document.externalId(), 200);
        if (externalId != null && source == null) {
            violations.add("source", "is required with externalId");
        }
        if (violations.count() > before) {
            return null;
        }
        return new TicketDefinition(
                client, priority, service, subject, description, requester, createdAt, source, externalId);
    }

    /** An instant of a request at the precision the database keeps, so what is stored is what was computed. */
    static Instant instant(String text) {
        return Instants.parse(text).truncatedTo(ChronoUnit.MICROS);
    }
}
