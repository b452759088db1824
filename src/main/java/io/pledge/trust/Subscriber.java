package io.pledge.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * A visitor subscribed to a trust page's incidents and maintenance: by mail, or by webhook with a contact
 * address that confirmed it. Notices go only to a confirmed subscriber; an unconfirmed one is gone after
 * {@code expiresAt}.
 *
 * @param target what makes it one on its page: the address in lower case (MAIL) or the URL (WEBHOOK)
 * @param webhookSecret the key its webhooks are signed with (WEBHOOK only)
 * @param language en or fr, the language of its notices
 * @param unsubscribeToken the token of the link every notice carries, which ends this subscription
 * @param expiresAt when an unconfirmed subscription lapses; null once confirmed
 */
public record Subscriber(
        UUID id,
        UUID page,
        Kind kind,
        String target,
        String email,
        String webhookUrl,
        String webhookSecret,
        String language,
        String unsubscribeToken,
        Instant createdAt,
        Instant expiresAt,
        Instant confirmedAt) {

    /** How notices reach a subscriber. */
    public enum Kind {
        MAIL,
        WEBHOOK
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
