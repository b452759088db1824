package io.pledge.tickets;

import io.pledge.core.ForbiddenException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import java.util.Locale;

/**
 * What a client's contacts may write, decided where it is written (ADR 0026); the MSP's staff and
 * Pledge's own work write documents as they are given.
 */
final class ClientWrites {

    private ClientWrites() {}

    /**
     * A new ticket's document as a scope may give it: a client's contacts open tickets for their own client
     * (naming no client means theirs), never name a source or an external id, which are the MSP's
     * integrations' numbers for tickets, and never date a ticket back: it is opened when it arrives.
     */
    static TicketDocument ticket(TicketDocument document, Scope scope) {
        if (!scope.isClient()) {
            return document;
        }
        Violations violations = new Violations();
        if (document.source() != null) {
            violations.add("source", "is set by the MSP's integrations, not by a client's contacts");
        }
        if (document.externalId() != null) {
            violations.add("externalId", "is set by the MSP's integrations, not by a client's contacts");
        }
        // A ticket dated back would count against the MSP's targets (and credits) time it never had.
        if (document.createdAt() != null) {
            violations.add("createdAt", "a client's ticket is opened at the instant it arrives");
        }
        violations.throwIfAny();
        return new TicketDocument(
                document.client() == null ? scope.clientOrNull().toString() : document.client(),
                document.priority(),
                document.service(),
                document.subject(),
                document.description(),
                document.requester(),
                null,
                null,
                null);
    }

    /**
     * An event as a scope may record it: a client's contacts only reply, publicly, as the customer, at the
     * instant the reply arrives.
     */
    static TicketEventDocument event(TicketEventDocument document, Scope scope) {
        if (!scope.isClient()) {
            return document;
        }
        if (document.type() == null || !"REPLIED".equals(document.type().toUpperCase(Locale.ROOT))) {
            throw new ForbiddenException("a client's contacts can only reply (type REPLIED)");
        }
        if (document.at() != null) {
            throw new InvalidRequestException("at", "a client's reply is recorded at the instant it arrives");
        }
        return new TicketEventDocument("REPLIED", null, null, null, "CUSTOMER", true, document.body(), null, null);
    }
}
