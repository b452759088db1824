package io.pledge.tickets.web;

import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportJobs;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import io.pledge.tickets.imports.RowError;
import io.pledge.tickets.imports.StoredUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Imports", description = "Ticket history from CSV exports, as background jobs")
class ImportController {

    /** The most imports a page of the list holds. */
    static final int MAX_PAGE = 200;

    private final Importer importer;
    private final JsonMapper json;
    private final Clock clock;

    ImportController(Importer importer, JsonMapper json, Clock clock) {
        this.importer = importer;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Start an import: file, preset (servicenow or generic), client, zone, "
                    + "mode (all-or-nothing or skip-invalid), states (JSON, servicenow), columns (JSON, generic)")
    ResponseEntity<JobView> start(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String preset,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String states,
            @RequestParam(required = false) String columns,
            Principal caller)
            throws IOException {
        Violations violations = new Violations();
        if (file == null || file.isEmpty()) {
            violations.add("file", "a CSV file is required");
        }
        ImportSettings settings = ImportSettings.parse(
                preset,
                client,
                zone,
                mode,
                map(states, "states", violations, json),
                map(columns, "columns", violations, json),
                violations);
        violations.throwIfAny();
        // The copy (its rows counted as it is written) belongs to the import once it starts.
        StoredUpload upload = StoredUpload.store(file.getInputStream());
        ImportJob job = importer.start(upload, file.getOriginalFilename(), settings, caller.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(JobView.of(job, clock.instant()));
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "An import's progress (rows read, tickets, events, rejected, rows/s) and outcome")
    JobView get(@PathVariable UUID id) {
        return importer.find(id)
                .map(job -> JobView.of(job, clock.instant()))
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    @GetMapping("/api/v1/imports")
    @Operation(
            summary = "Past and running imports, newest first: state, rows read, accepted and rejected, who started"
                    + " each and when, its file and layout; a page of at most limit (50, up to 200), nextCursor for"
                    + " the next")
    ListView list(
            Scope scope, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        Violations violations = new Violations();
        ImportJobs.Cursor after = violations.parseOptional("cursor", cursor, "cursor", ImportController::decode);
        if (limit < 1 || limit > MAX_PAGE) {
            violations.add("limit", "must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        violations.throwIfAny();
        List<ImportJob> page = importer.recent(scope, after, limit + 1);
        boolean more = page.size() > limit;
        List<ImportJob> items = more ? page.subList(0, limit) : page;
        Instant now = clock.instant();
        return new ListView(
                items.stream().map(job -> JobView.of(job, now)).toList(),
                more ? encode(items.get(items.size() - 1)) : null);
    }

    /** A page ends at its last import: the cursor carries its start and id. */
    static String encode(ImportJob last) {
        String raw = last.startedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ImportJobs.Cursor decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new ImportJobs.Cursor(
                Instants.check(Instant.parse(raw.substring(0, bar))), UUID.fromString(raw.substring(bar + 1)));
    }

    private static Map<String, String> map(String text, String field, Violations violations, JsonMapper json) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (RuntimeException e) {
            violations.add(field, "must be a JSON object of strings");
            return Map.of();
        }
    }

    /** A page of imports, and the cursor of the next (null on the last). */
    record ListView(List<JobView> items, String nextCursor) {}

    record JobView(
            UUID id,
            String preset,
            UUID clientId,
            String zone,
            String mode,
            String fileName,
            String state,
            long rowsRead,
            long tickets,
            long events,
            long rejected,
            double rowsPerSecond,
            List<RowError> errors,
            Instant startedAt,
            Instant finishedAt,
            String createdBy,
            Long rowsTotal,
            Long rowsAccepted) {

        static JobView of(ImportJob job, Instant now) {
            return new JobView(
                    job.id(),
                    job.preset().name(),
                    job.clientId(),
                    job.zone(),
                    job.mode().name(),
                    job.fileName(),
                    job.state().name(),
                    job.rowsRead(),
                    job.tickets(),
                    job.events(),
                    job.rejected(),
                    job.rowsPerSecond(now),
                    job.errors(),
                    job.startedAt(),
                    job.finishedAt(),
                    job.createdBy(),
                    job.rowsTotal(),
                    job.rowsAccepted());
        }
    }
}
