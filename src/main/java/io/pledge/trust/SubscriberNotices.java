package io.pledge.trust;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox of subscribers' notices: written in the transaction of the change that owes them, claimed by one
 * sender at a time ({@code for update skip locked}); callers hold the transaction.
 */
public interface SubscriberNotices {

    /** An event's facts as stored: what its notices are written from. */
    record Event(UUID id, UUID page, String key, String payload, Instant createdAt) {}

    /**
     * Stores an event once per key and owes a notice of it to every confirmed subscriber of its page.
     *
     * @return how many notices are owed; -1 when an event of this key was stored before (nothing is owed again)
     */
    int owe(Event event);

    /** Owes a subscriber the mail that asks it to confirm, with the token of its link. */
    void oweConfirmation(UUID subscriber, String token, Instant now);

    /** Locks up to {@code limit} pending notices due at {@code now}, skipping those another sender holds. */
    List<SubscriberNotice> claim(Instant now, int limit);

    /** Locks one pending notice, unless another sender holds it. */
    Optional<SubscriberNotice> claim(UUID id);

    Optional<Event> event(UUID id);

    /** A notice delivered at its {@code attempts}th attempt; a confirmation's token is forgotten. */
    void sent(UUID id, int attempts, Instant now);

    /** A failed attempt: tried again at {@code next}, or dead when {@code next} is null. */
    void failed(UUID id, int attempts, Instant next, String error);
}
