package io.pledge.reporting;

import io.pledge.core.Scope;
import java.util.Optional;
import java.util.UUID;

/** The stored notes of the QBR packs, one per client and period (the period's canonical text). */
public interface ReportNotes {

    /** The notes of a client's period, if the client is within the scope and notes were set. */
    Optional<ReportNote> find(UUID client, String period, Scope scope);

    /** Sets (or replaces) the notes of a client's period. */
    ReportNote put(UUID client, String period, String notes, String author);
}
