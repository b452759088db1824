package io.pledge.reporting.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.Scope;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.reporting.ComplianceReport;
import io.pledge.reporting.ComplianceReports;
import io.pledge.reporting.QbrPacks;
import io.pledge.reporting.QbrPacks.Rendered;
import io.pledge.reporting.ReportPeriod;
import io.pledge.reporting.ScheduledReports;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page: a client's compliance report for a month or a quarter (the same
 * {@link ComplianceReports} as {@code /api/v1/reports/compliance/{client}}), with its QBR pack previewed
 * (the same PDF as {@code /api/v1/reports/qbr/{client}/pdf}, framed by this page only) and offered for
 * download. A client's contact sees its own client only.
 */
@Controller
@Hidden
class ReportsPage {

    /** The sent reports listed, newest first. */
    static final int SENT_SHOWN = 24;

    private final ComplianceReports reports;
    private final QbrPacks packs;
    private final ScheduledReports sent;
    private final Clients clients;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ReportsPage(
            ComplianceReports reports,
            QbrPacks packs,
            ScheduledReports sent,
            Clients clients,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone) {
        this.reports = reports;
        this.packs = packs;
        this.sent = sent;
        this.clients = clients;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/reports")
    String page(
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String period,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        List<Client> choices = clients.all().stream()
                .filter(candidate -> scope.includes(candidate.id().value()))
                .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                .toList();
        String chosen =
                client != null ? client : choices.size() == 1 ? choices.get(0).slug() : null;
        String asked = period == null || period.isBlank()
                ? YearMonth.from(clock.instant().atZone(zone)).toString()
                : period.strip();
        model.addAttribute("clients", choices);
        model.addAttribute("client", chosen);
        model.addAttribute("period", asked);
        model.addAttribute("staff", scope.seesInternalText());
        if (chosen != null) {
            AtomicReference<ComplianceReport> report = new AtomicReference<>();
            boolean read = FormErrors.attempt(
                    model,
                    messages,
                    locale,
                    () -> report.set(reports.of(chosen, ReportPeriod.parse(asked, null, null), scope)));
            if (read) {
                model.addAttribute("report", report.get());
                // The reports mailed to the client, as GET /api/v1/reports/deliveries lists them for its scope.
                model.addAttribute("sent", sent.list(scope, chosen, null, "SENT", SENT_SHOWN));
            } else {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        }
        return "reporting/reports";
    }

    /** The QBR pack's PDF, shown inline by the reports page's frame (and by no other site's). */
    @GetMapping(value = "/reports/{client}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> preview(
            @PathVariable String client, @RequestParam(required = false) String period, Scope scope) {
        Rendered<byte[]> pdf = packs.pdf(client, period, scope);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'")
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(pdf.content());
    }
}
