package io.pledge.reporting.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.reporting.QbrPacks.Rendered;
import io.pledge.reporting.ReportDelivery;
import io.pledge.reporting.ReportSchedule;
import io.pledge.reporting.ReportScheduleDocument;
import io.pledge.reporting.ScheduledReports;
import io.pledge.reporting.ScheduledReports.ClientSchedule;
import io.pledge.reporting.ScheduledReports.Preview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports mailed on schedule: each client's schedule, a preview of what it would send, the deliveries with
 * the PDF each one sent, resends and retries. A client's caller lists and downloads its own client's sent
 * reports, without the MSP's bookkeeping (errors, who asked for a resend).
 */
@RestController
@Tag(name = "Reports", description = "Compliance per client, the MSP-wide overview and the QBR pack")
class ReportDeliveryController {

    private static final int MAX_LIMIT = 500;

    private final ScheduledReports reports;

    ReportDeliveryController(ScheduledReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/schedules")
    @Operation(summary = "Every client's report schedule")
    List<ScheduleView> schedules() {
        return reports.schedules().stream().map(ScheduleView::of).toList();
    }

    @GetMapping("/api/v1/reports/schedules/{client}")
    @Operation(summary = "A client's report schedule (disabled, with no cadence, when none was set)")
    ScheduleView schedule(@PathVariable String client) {
        return ScheduleView.of(reports.schedule(client));
    }

    @PutMapping("/api/v1/reports/schedules/{client}")
    @Operation(
            summary = "Set a client's report schedule: monthly and/or quarterly, daysAfterClose (0-28), startsOn"
                    + " (the first period sent is the one holding it; today by default)")
    ScheduleView putSchedule(
            @PathVariable String client,
            @RequestBody(required = false) ReportScheduleDocument document,
            Principal author) {
        return ScheduleView.of(reports.putSchedule(client, document, author.getName()));
    }

    @GetMapping("/api/v1/reports/schedules/{client}/preview")
    @Operation(
            summary = "What the schedule would mail for a period now (recipients, subject, text, attachment), without"
                    + " sending it")
    Preview preview(@PathVariable String client, @RequestParam(required = false) String period) {
        return reports.preview(client, period);
    }

    @GetMapping("/api/v1/reports/deliveries")
    @Operation(
            summary = "Report deliveries, newest first, by client, period (2026-10, 2026-Q3) and state (PENDING, SENT,"
                    + " DEAD); a client's contact sees its own client's sent reports")
    List<Object> deliveries(
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            Scope scope) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + max);
        }
        return reports.list(scope, client, period, state, max).stream()
                .map(delivery -> view(delivery, scope))
                .toList();
    }

    @GetMapping("/api/v1/reports/deliveries/{id}")
    @Operation(summary = "One report delivery")
    Object delivery(@PathVariable UUID id, Scope scope) {
        return view(reports.delivery(id, scope), scope);
    }

    @GetMapping(value = "/api/v1/reports/deliveries/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The PDF a delivery sent, byte for byte as attached (its SHA-256 is in the audit log)")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Scope scope) {
        Rendered<byte[]> pdf = reports.pdf(id, scope);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .body(pdf.content());
    }

    @PostMapping("/api/v1/reports/deliveries/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail a sent or dead report's period again, rendered afresh, as its next edition")
    DeliveryView resend(@PathVariable UUID id, Principal author) {
        return DeliveryView.of(reports.resend(id, author.getName()));
    }

    @PostMapping("/api/v1/reports/deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Put a dead report delivery back in line")
    DeliveryView retry(@PathVariable UUID id, Principal author) {
        return DeliveryView.of(reports.retry(id, author.getName()));
    }

    private static Object view(ReportDelivery delivery, Scope scope) {
        return scope.isClient() ? SentReportView.of(delivery) : DeliveryView.of(delivery);
    }

    private static String pdfLink(ReportDelivery delivery) {
        return delivery.state() == ReportDelivery.State.SENT
                ? "/api/v1/reports/deliveries/" + delivery.id() + "/pdf"
                : null;
    }

    record ScheduleView(
            UUID client,
            String clientSlug,
            String clientName,
            boolean enabled,
            boolean monthly,
            boolean quarterly,
            int daysAfterClose,
            LocalDate startsOn,
            ReportSchedule.Next nextMonth,
            ReportSchedule.Next nextQuarter,
            List<String> recipients,
            Instant updatedAt,
            String updatedBy) {

        static ScheduleView of(ClientSchedule each) {
            ReportSchedule schedule = each.schedule();
            return new ScheduleView(
                    each.client().id().value(),
                    each.client().slug(),
                    each.client().name(),
                    schedule.enabled(),
                    schedule.monthly(),
                    schedule.quarterly(),
                    schedule.daysAfterClose(),
                    schedule.startsOn(),
                    schedule.nextMonth(),
                    schedule.nextQuarter(),
                    each.recipients(),
                    schedule.updatedAt(),
                    schedule.updatedBy());
        }
    }

    /** A delivery as the MSP's staff see it. */
    record DeliveryView(
            UUID id,
            UUID client,
            String period,
            int edition,
            String state,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            String requestedBy,
            Instant createdAt,
            Instant sentAt,
            List<String> recipients,
            String subject,
            String messageId,
            String pdfSha256,
            Integer pdfSize,
            String pdf) {

        static DeliveryView of(ReportDelivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.client(),
                    delivery.period(),
                    delivery.edition(),
                    delivery.state().name(),
                    delivery.attempts(),
                    delivery.nextAttemptAt(),
                    delivery.lastError(),
                    delivery.requestedBy(),
                    delivery.createdAt(),
                    delivery.sentAt(),
                    delivery.recipients(),
                    delivery.subject(),
                    delivery.messageId(),
                    delivery.pdfSha256(),
                    delivery.pdfSize(),
                    pdfLink(delivery));
        }
    }

    /** A sent report as a client's contact sees it: what was sent, when, to whom. */
    record SentReportView(
            UUID id,
            UUID client,
            String period,
            int edition,
            Instant sentAt,
            List<String> recipients,
            String subject,
            String pdfSha256,
            Integer pdfSize,
            String pdf) {

        static SentReportView of(ReportDelivery delivery) {
            return new SentReportView(
                    delivery.id(),
                    delivery.client(),
                    delivery.period(),
                    delivery.edition(),
                    delivery.sentAt(),
                    delivery.recipients(),
                    delivery.subject(),
                    delivery.pdfSha256(),
                    delivery.pdfSize(),
                    pdfLink(delivery));
        }
    }
}
