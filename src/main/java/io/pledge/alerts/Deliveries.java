package io.pledge.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox: deliveries owed, sent or dead. A delivery is written in the transaction of the change that
 * owes it and claimed by one sender at a time; callers hold the transaction.
 */
public interface Deliveries {

    /** Deliveries pending or dead for one action: how many, and when the oldest was owed. */
    record Backlog(Delivery.State state, EscalationRule.Action action, long count, Instant oldest) {}

    /** Stores a pending delivery. */
    void add(Delivery delivery);

    /** Locks up to {@code limit} pending deliveries due at {@code now}, skipping those another sender holds. */
    List<Delivery> claim(Instant now, int limit);

    /** Locks one pending delivery, unless another sender holds it. */
    Optional<Delivery> claim(UUID id);

    /** A delivery carried out at its {@code attempts}th attempt. */
    void sent(UUID id, int attempts, Instant now);

    /** A failed attempt: tried again at {@code next}, or dead when {@code next} is null. */
    void failed(UUID id, int attempts, Instant next, String error);

    /** Deliveries in a state, newest first. */
    List<Delivery> list(Delivery.State state, int limit);

    Optional<Delivery> find(UUID id);

    /** Puts a dead delivery back in line, now; false when it is not dead. */
    boolean retry(UUID id, Instant now);

    /** The pending and dead deliveries by state and action; a pair with none is left out. */
    List<Backlog> backlog();
}
