package io.pledge.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stored audit chains: each chain's head (its last sequence number and hash) and its entries. Callers
 * hold the transaction, except where a method says otherwise.
 */
public interface AuditChains {

    /**
     * Creates a chain's head row the first time the chain is used, in a transaction of its own (committed
     * at once, so that concurrent first uses meet on the head row instead of racing to create it).
     */
    void ensure(String chain);

    /** A chain's head, locked until the transaction ends; the chain must exist. */
    AuditVerifier.Head lock(String chain);

    /** Moves a chain's head to its new last entry. */
    void advance(String chain, AuditVerifier.Head head);

    /** Stores entries, in their order. */
    void append(List<AuditEntry> entries);

    /** Every chain's head, by chain name. */
    Map<String, AuditVerifier.Head> heads();

    /** The chains that have entries but no head. */
    List<String> headless();

    /** A chain's head; empty when the chain was never written. */
    Optional<AuditVerifier.Head> head(String chain);

    /** A chain's entries from {@code fromSeq} to its end, in order. */
    List<AuditEntry> entries(String chain, long fromSeq);

    /**
     * Reads a chain's entries in order, one at a time without holding them all, until {@code each}
     * returns false.
     */
    void scan(String chain, Predicate<AuditEntry> each);

    /** The lowest sequence number of a chain's entries whose subject starts with {@code prefix}. */
    Optional<Long> firstOf(String chain, String prefix);
}
