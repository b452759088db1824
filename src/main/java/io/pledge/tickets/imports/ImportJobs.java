package io.pledge.tickets.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs: what an import was asked to do, how far it got and how it ended. Each write commits on
 * its own, apart from the import's transaction, so that progress shows while the import runs and a
 * failed import still leaves its errors behind.
 */
public interface ImportJobs {

    /** Records a new running job. */
    ImportJob create(ImportSettings settings, UUID client, String fileName, String createdBy, Instant now);

    /** Rows read so far by a running job. */
    void progress(UUID id, long rows, long tickets, long events);

    /**
     * Ends a job: its counts, and its errors (the first {@link Importer#MAX_ERRORS} of them are kept;
     * the number of rejected lines counts them all).
     */
    ImportJob finish(
            UUID id, ImportJob.State state, long rows, long tickets, long events, List<RowError> errors, Instant now);

    Optional<ImportJob> find(UUID id);

    /** The jobs running now, oldest first. */
    List<ImportJob> running();
}
