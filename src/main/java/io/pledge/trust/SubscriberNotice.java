package io.pledge.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice owed to one subscriber: a confirmation request (no event; its token travels with it until it is
 * sent) or the facts of an event on its page. Pending, sent, or dead after the last retry.
 */
public record SubscriberNotice(
        UUID id,
        UUID subscriber,
        UUID event,
        String confirmationToken,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum State {
        PENDING,
        SENT,
        DEAD
    }
}
