package io.pledge.tickets.imports;

import io.pledge.core.Scope;
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

    /** Records a new running job; {@code rowsTotal} is the rows its file holds, null when not counted. */
    ImportJob create(
            ImportSettings settings, UUID client, String fileName, String createdBy, Long rowsTotal, Instant now);

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

    /** Where a page of {@link #recent} ended: the last job's start and id. */
    record Cursor(Instant startedAt, UUID id) {}

    /**
     * Jobs newest first, those of the scope's clients only, after {@code after} (null for the newest), at most
     * {@code limit}; their errors are left out (an import's own page reads them).
     */
    List<ImportJob> recent(Scope scope, Cursor after, int limit);
}
