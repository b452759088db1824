package io.pledge.reporting;

import io.pledge.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored report deliveries, with the PDF of each one sent. Claims lock rows with {@code for update skip
 * locked}, so that several nodes each take other rows; callers hold the transaction. Reads take the
 * caller's scope: a client's scope reaches only its own client's sent reports.
 */
public interface ReportDeliveries {

    /** Stores a delivery; false (and nothing stored) when that client, period and edition already exist. */
    boolean add(ReportDelivery delivery);

    /** The edition after the last one of a client's period (1 when there is none). */
    int nextEdition(UUID client, String period);

    /** Locks up to {@code limit} pending deliveries due at {@code now}, skipping those another node holds. */
    List<ReportDelivery> claim(Instant now, int limit);

    /** Locks one pending delivery, unless another node holds it. */
    Optional<ReportDelivery> claim(UUID id);

    /** A delivery sent at its {@code attempts}th attempt, with what was sent. */
    void sent(UUID id, int attempts, Instant now, ReportDelivery.Sent sent);

    /** A failed attempt: tried again at {@code next}, or dead when {@code next} is null. */
    void failed(UUID id, int attempts, Instant next, String error);

    /** Puts a dead delivery back in line, now; false when it is not dead. */
    boolean retry(UUID id, Instant now);

    /** A delivery within the scope. */
    Optional<ReportDelivery> find(UUID id, Scope scope);

    /**
     * Deliveries within the scope, newest first: all of them for the MSP's staff, only those sent for a
     * client's scope.
     *
     * @param client only this client's, or every client's when null
     * @param period only this period's, or every period's when null
     * @param state only those in this state, or in any state when null
     */
    List<ReportDelivery> list(Scope scope, UUID client, String period, ReportDelivery.State state, int limit);

    /** The PDF of a sent delivery within the scope, exactly as it was attached. */
    Optional<byte[]> pdf(UUID id, Scope scope);
}
