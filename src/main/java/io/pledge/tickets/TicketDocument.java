package io.pledge.tickets;

/**
 * A ticket to open: client by id or slug, priority, service (checked against the contract's scope),
 * subject, description, requester, an optional {@code createdAt} in the past (imports), and optionally
 * the {@code source} and {@code externalId} it is known by in another system.
 */
public record TicketDocument(
        String client,
        String priority,
        String service,
        String subject,
        String description,
        String requester,
        String createdAt,
        String source,
        String externalId) {}
