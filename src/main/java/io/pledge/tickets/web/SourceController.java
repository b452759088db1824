package io.pledge.tickets.web;

import io.pledge.sla.TicketStatus;
import io.pledge.tickets.Sources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sources", description = "Helpdesks and PSAs feeding Pledge: signing secrets and status mappings")
class SourceController {

    private final Sources sources;

    SourceController(Sources sources) {
        this.sources = sources;
    }

    @PostMapping("/api/v1/sources")
    @Operation(summary = "Register a source; its HMAC-SHA256 signing secret is shown once (generated when not given)")
    ResponseEntity<SourceView> create(@RequestBody SourceView request) {
        Sources.Registered source = sources.register(request.name(), request.secret());
        return ResponseEntity.created(URI.create("/api/v1/sources/" + source.name()))
                .body(new SourceView(source.name(), source.secret()));
    }

    @GetMapping("/api/v1/sources")
    @Operation(summary = "List sources (never their secrets)")
    List<SourceView> list() {
        return sources.names().stream().map(name -> new SourceView(name, null)).toList();
    }

    @GetMapping("/api/v1/sources/{source}/statuses")
    @Operation(summary = "The source's own status labels and the engine status each maps to")
    Map<String, TicketStatus> statuses(@PathVariable String source) {
        return sources.statuses(source);
    }

    @PutMapping("/api/v1/sources/{source}/statuses")
    @Operation(summary = "Replace the source's status mapping, e.g. {\"Waiting on Microsoft\": \"WAITING_ON_VENDOR\"}")
    Map<String, TicketStatus> mapStatuses(@PathVariable String source, @RequestBody Map<String, String> mapping) {
        return sources.mapStatuses(source, mapping);
    }

    /** A source; the secret only in the answer to its creation. */
    record SourceView(String name, String secret) {}
}
