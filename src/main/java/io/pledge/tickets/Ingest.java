package io.pledge.tickets;

import io.pledge.core.GroupCommit;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Live ingest of events from another system, idempotent on (source, eventId). With invalid events, a
 * request stores nothing unless {@code partial}. Results are only returned after the commit, so an
 * accepted event is never lost.
 *
 * <p>Requests are stored by one writer per node, with group commit ({@link GroupCommit}, ADR 0008):
 * requests that arrive while the writer is busy are stored together by {@link IngestWriter}, each keeping
 * its own outcome ({@link IngestGroup}).
 */
@Service
public class Ingest {

    public static final int MAX_BATCH = 1000;

    /** What became of one event of a batch. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED,
        /** Valid, but not stored because other events of the batch were rejected. */
        NOT_STORED
    }

    public record Result(String eventId, Outcome outcome, TicketId ticket, List<Violation> errors) {}

    public record BatchResult(boolean stored, List<Result> results) {

        public long count(Outcome outcome) {
            return results.stream()
                    .filter(result -> result.outcome() == outcome)
                    .count();
        }
    }

    /** One request: a source's events, stored all or nothing unless {@code partial}. */
    record Request(String source, List<IngestEvent> events, boolean partial) {}

    private final GroupCommit<Request, BatchResult> writer;

    Ingest(GroupCommit<Request, BatchResult> writer) {
        this.writer = writer;
    }

    /** One writer per node: groups of requests up to {@link #MAX_BATCH} events in all. */
    static GroupCommit<Request, BatchResult> writer(IngestWriter writes) {
        return new GroupCommit<>(
                "pledge-ingest", MAX_BATCH, request -> request.events().size(), writes);
    }

    /** Stores a batch of events from a source, once committed. */
    public BatchResult accept(String source, List<IngestEvent> events, boolean partial) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events", "a batch holds 1 to " + MAX_BATCH + " events");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidRequestException(
                    "events", "a batch holds at most " + MAX_BATCH + " events, got " + events.size());
        }
        return writer.submit(new Request(source, events, partial));
    }
}
