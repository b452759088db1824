package io.pledge.tickets.web;

import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Secrets;
import io.pledge.core.Violations;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.jdbc.SourceStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sources", description = "Helpdesks and PSAs feeding Pledge: signing secrets and status mappings")
class SourceController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final SourceStore sources;
    private final Clock clock;

    SourceController(SourceStore sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sources")
    @Operation(summary = "Register a source; its HMAC-SHA256 signing secret is shown once (generated when not given)")
    @Transactional
    ResponseEntity<SourceView> create(@RequestBody SourceView request) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 63);
        if (name != null && !NAME.matcher(name).matches()) {
            violations.add(
                    "name", "must be lower-case letters and digits in words joined by '-', got \"" + name + "\"");
        }
        String secret = violations.optionalText("secret", request.secret(), 200);
        if (secret != null && secret.length() < 32) {
            violations.add("secret", "must be at least 32 characters");
        }
        violations.throwIfAny();
        if (secret == null) {
            secret = Secrets.newSecret();
        }
        try {
            sources.add(name, secret, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "source \"" + name + "\" already exists");
        }
        return ResponseEntity.created(URI.create("/api/v1/sources/" + name)).body(new SourceView(name, secret));
    }

    @GetMapping("/api/v1/sources")
    @Operation(summary = "List sources (never their secrets)")
    List<SourceView> list() {
        return sources.names().stream().map(name -> new SourceView(name, null)).toList();
    }

    @GetMapping("/api/v1/sources/{source}/statuses")
    @Operation(summary = "The source's own status labels and the engine status each maps to")
    Map<String, TicketStatus> statuses(@PathVariable String source) {
        requireSource(source);
        return sources.statusMap(source);
    }

    @PutMapping("/api/v1/sources/{source}/statuses")
    @Operation(summary = "Replace the source's status mapping, e.g. {\"Waiting on Microsoft\": \"WAITING_ON_VENDOR\"}")
    @Transactional
    Map<String, TicketStatus> mapStatuses(@PathVariable String source, @RequestBody Map<String, String> mapping) {
        requireSource(source);
        Violations violations = new Violations();
        Map<String, TicketStatus> parsed = new LinkedHashMap<>();
        mapping.forEach((label, status) -> {
            String field = label;
            if (label.isBlank() || label.length() > 200) {
                violations.add(field, "a label has 1 to 200 characters");
                return;
            }
            TicketStatus engine = violations.parse(
                    field, status, "status", text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
            if (engine != null) {
                parsed.put(label.strip(), engine);
            }
        });
        violations.throwIfAny();
        sources.replaceStatusMap(source, parsed);
        return sources.statusMap(source);
    }

    private void requireSource(String source) {
        if (sources.secret(source).isEmpty()) {
            throw new NotFoundException("source", source);
        }
    }

    /** A source; the secret only in the answer to its creation. */
    record SourceView(String name, String secret) {}
}
