package io.pledge.alerts;

import java.time.Instant;

/** Carries out one kind of delivery. */
interface Channel {

    /**
     * Delivers, or says why not (null when delivered). Runs in the transaction that holds the
     * delivery's row; a change it makes to the database commits with the delivery marked sent, so that it
     * happens once. Throws when that change failed and must be rolled back.
     */
    String deliver(Delivery delivery, Instant now);
}
