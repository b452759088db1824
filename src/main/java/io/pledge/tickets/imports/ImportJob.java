package io.pledge.tickets.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import and how far it got: who started it, and the rows its file holds when they were counted as it was
 * stored ({@code rowsTotal}, null otherwise).
 */
public record ImportJob(
        UUID id,
        ImportPreset preset,
        UUID clientId,
        String zone,
        ImportMode mode,
        String fileName,
        State state,
        long rowsRead,
        long tickets,
        long events,
        long rejected,
        List<RowError> errors,
        Instant startedAt,
        Instant finishedAt,
        String createdBy,
        Long rowsTotal) {

    /** Where an import stands. */
    public enum State {
        RUNNING,
        /** Everything stored. */
        SUCCEEDED,
        /** Stored, but rows were refused (skip-invalid). */
        SUCCEEDED_WITH_REJECTIONS,
        /** Nothing stored. */
        FAILED
    }

    /**
     * The rows stored: the rows read but the lines rejected once the import succeeded, none when it failed
     * (nothing of it is stored), null while it runs.
     */
    public Long rowsAccepted() {
        return switch (state) {
            case RUNNING -> null;
            case FAILED -> 0L;
            default -> Math.max(0, rowsRead - rejected);
        };
    }

    /** Rows read per second so far (or over the whole import once finished). */
    public double rowsPerSecond(Instant now) {
        Duration elapsed = Duration.between(startedAt, finishedAt == null ? now : finishedAt);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        return Math.round(rowsRead / seconds * 10) / 10.0;
    }
}
