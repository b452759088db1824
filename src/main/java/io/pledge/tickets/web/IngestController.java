package io.pledge.tickets.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Signatures;
import io.pledge.core.Violation;
import io.pledge.core.web.JsonViolations;
import io.pledge.core.web.Problems;
import io.pledge.tickets.Ingest;
import io.pledge.tickets.IngestEvent;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.jdbc.SourceStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhook ingest. A request carries {@code X-Pledge-Timestamp} (Unix seconds) and
 * {@code X-Pledge-Signature: sha256=<hex>}, the HMAC-SHA256 with the source's secret of
 * {@code <timestamp>.<body>}; a bad signature, or a timestamp more than five minutes away, is a 401.
 */
@RestController
@Tag(name = "Ingest", description = "Events from the helpdesk or PSA an MSP already runs, signed per source")
class IngestController {

    static final String TIMESTAMP = Signatures.TIMESTAMP_HEADER;
    static final String SIGNATURE = Signatures.SIGNATURE_HEADER;

    private final Ingest ingest;
    private final SourceStore sources;
    private final JsonMapper json;
    private final Clock clock;

    IngestController(Ingest ingest, SourceStore sources, JsonMapper json, Clock clock) {
        this.ingest = ingest;
        this.sources = sources;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/ingest/{source}/events")
    @Operation(summary = "A batch of up to 1,000 events; each is accepted, a duplicate or rejected with reasons")
    ResponseEntity<?> ingest(
            @PathVariable String source,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestParam(defaultValue = "false") boolean partial,
            @RequestBody(required = false) byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        String secret = TicketDesk.OWN_SOURCE.equals(source)
                ? null
                : sources.secret(source).orElse(null);
        if (secret == null || !authentic(secret, timestamp, signature, content)) {
            return unauthorized();
        }
        Batch batch;
        try {
            batch = json.readValue(content, Batch.class);
        } catch (JacksonException e) {
            Violation violation = JsonViolations.of(e, "");
            throw new InvalidRequestException(List.of(violation));
        }
        if (batch == null || batch.events() == null) {
            throw new InvalidRequestException("events", "is required: a JSON object {\"events\": [...]}");
        }
        Ingest.BatchResult result = ingest.accept(source, batch.events(), partial);
        BatchView view = new BatchView(
                result.stored(),
                result.count(Ingest.Outcome.ACCEPTED),
                result.count(Ingest.Outcome.DUPLICATE),
                result.count(Ingest.Outcome.REJECTED),
                result.results().stream()
                        .map(r -> new ResultView(
                                r.eventId(),
                                r.outcome().name(),
                                r.ticket() == null ? null : r.ticket().value(),
                                r.errors()))
                        .toList());
        return ResponseEntity.status(result.stored() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(view);
    }

    private boolean authentic(String secret, String timestamp, String signature, byte[] body) {
        return Signatures.fresh(timestamp, clock.instant())
                && Signatures.verifies(secret, timestamp.strip(), body, signature);
    }

    private static ResponseEntity<ProblemDetail> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        Problems.UNAUTHORIZED,
                        "Unauthorized",
                        "unknown source, or a missing, stale or wrong signature (" + TIMESTAMP + ", " + SIGNATURE
                                + ")"));
    }

    record Batch(List<IngestEvent> events) {}

    record BatchView(boolean stored, long accepted, long duplicates, long rejected, List<ResultView> results) {}

    record ResultView(String eventId, String outcome, UUID ticketId, List<Violation> errors) {}
}
