package io.pledge.tickets.web;

import io.pledge.core.NotFoundException;
import io.pledge.core.Violations;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import io.pledge.tickets.imports.RowError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
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
        // The copy belongs to the import once it starts; until then, every way out deletes it.
        Path copy = Files.createTempFile("pledge-import-", ".csv");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        ImportJob job = importer.start(copy, file.getOriginalFilename(), settings, caller.getName());
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
            Instant finishedAt) {

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
                    job.finishedAt());
        }
    }
}
