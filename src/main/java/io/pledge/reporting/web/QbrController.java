package io.pledge.reporting.web;

import io.pledge.core.Scope;
import io.pledge.reporting.QbrPacks;
import io.pledge.reporting.QbrPacks.Rendered;
import io.pledge.reporting.ReportNote;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The QBR pack of a client's period as PDF or HTML, and the manager's notes printed in it. */
@RestController
@Tag(name = "Reports", description = "Compliance per client, the MSP-wide overview and the QBR pack")
class QbrController {

    private final QbrPacks packs;

    QbrController(QbrPacks packs) {
        this.packs = packs;
    }

    @GetMapping(value = "/api/v1/reports/qbr/{client}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A client's QBR pack as PDF, in the client's language, for a month (period=2026-10) or a"
                    + " quarter (period=2026-Q3)")
    ResponseEntity<byte[]> pdf(
            @PathVariable String client, @RequestParam(required = false) String period, Scope scope) {
        Rendered<byte[]> pdf = packs.pdf(client, period, scope);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition("attachment", pdf.fileName()))
                .body(pdf.content());
    }

    @GetMapping(value = "/api/v1/reports/qbr/{client}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The same QBR pack as an HTML page, from the same template, charts inline as SVG")
    ResponseEntity<String> html(
            @PathVariable String client, @RequestParam(required = false) String period, Scope scope) {
        Rendered<String> html = packs.html(client, period, scope);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition("inline", html.fileName()))
                // The page's own style element and inline SVG, and nothing else: no script, no remote file.
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src " + packs.htmlStyleSource() + "; frame-ancestors 'none'")
                .body(html.content());
    }

    @GetMapping("/api/v1/reports/qbr/{client}/notes")
    @Operation(summary = "The manager's notes of a client's period (empty when none were set)")
    NotesView notes(@PathVariable String client, @RequestParam(required = false) String period) {
        return NotesView.of(packs.notes(client, period));
    }

    @PutMapping("/api/v1/reports/qbr/{client}/notes")
    @Operation(summary = "Set the manager's notes printed in a client's QBR pack for a period (plain text)")
    NotesView putNotes(
            @PathVariable String client,
            @RequestParam(required = false) String period,
            @RequestBody NotesDocument document,
            Principal author) {
        return NotesView.of(packs.putNotes(client, period, document.notes(), author.getName()));
    }

    private static String disposition(String type, String fileName) {
        return ContentDisposition.builder(type).filename(fileName).build().toString();
    }

    record NotesDocument(String notes) {}

    record NotesView(UUID client, String period, String notes, Instant updatedAt, String updatedBy) {

        static NotesView of(ReportNote note) {
            return new NotesView(note.client(), note.period(), note.notes(), note.updatedAt(), note.updatedBy());
        }
    }
}
