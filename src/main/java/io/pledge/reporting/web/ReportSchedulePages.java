package io.pledge.reporting.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.reporting.ReportDelivery;
import io.pledge.reporting.ReportSchedule;
import io.pledge.reporting.ReportScheduleDocument;
import io.pledge.reporting.ScheduledReports;
import io.pledge.reporting.ScheduledReports.ClientSchedule;
import io.pledge.reporting.ScheduledReports.Preview;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports mailed on schedule: every client's schedule (monthly and/or quarterly, days after the period
 * closes, its recipients and the next periods owed), a client's schedule form (set through
 * {@link ScheduledReports#putSchedule}, its violations next to their fields), a preview of what a period's
 * mail would send ({@link ScheduledReports#preview}), and the client's report deliveries, a sent or dead one
 * resent and a dead one retried, as {@code /api/v1/reports/schedules} and {@code /api/v1/reports/deliveries}
 * do.
 */
@Controller
@Hidden
class ReportSchedulePages {

    private static final int DELIVERIES_SHOWN = 20;

    private final ScheduledReports reports;
    private final Clients clients;
    private final PageAccess access;
    private final MessageSource messages;

    ReportSchedulePages(ScheduledReports reports, Clients clients, PageAccess access, MessageSource messages) {
        this.reports = reports;
        this.clients = clients;
        this.access = access;
        this.messages = messages;
    }

    /** The form as typed: checkboxes absent when unticked, the days as text. */
    record ScheduleForm(Boolean enabled, Boolean monthly, Boolean quarterly, String daysAfterClose, String startsOn) {

        static final List<String> FIELDS = List.of("enabled", "monthly", "quarterly", "daysAfterClose", "startsOn");

        static ScheduleForm of(ReportSchedule schedule) {
            return new ScheduleForm(
                    schedule.enabled() || (!schedule.monthly() && !schedule.quarterly()),
                    schedule.monthly(),
                    schedule.quarterly(),
                    String.valueOf(schedule.daysAfterClose()),
                    schedule.startsOn() == null ? null : schedule.startsOn().toString());
        }

        /** The API's schedule document: an unticked box is false, a blank date today's. */
        ReportScheduleDocument document() {
            Integer days = null;
            if (daysAfterClose != null && !daysAfterClose.isBlank()) {
                try {
                    days = Integer.valueOf(daysAfterClose.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(
                            "daysAfterClose", "must be a whole number, got \"" + daysAfterClose.strip() + "\"");
                }
            }
            return new ReportScheduleDocument(
                    Boolean.TRUE.equals(enabled),
                    Boolean.TRUE.equals(monthly),
                    Boolean.TRUE.equals(quarterly),
                    days,
                    startsOn == null || startsOn.isBlank() ? null : startsOn.strip());
        }
    }

    /** A client and its schedule, null when none was set. */
    record Line(Client client, ReportSchedule schedule, List<String> recipients) {}

    @GetMapping("/report-schedules")
    String list(Model model) {
        Map<UUID, ClientSchedule> stored = reports.schedules().stream()
                .collect(Collectors.toMap(each -> each.client().id().value(), Function.identity()));
        model.addAttribute(
                "lines",
                clients.all().stream()
                        .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                        .map(client -> {
                            ClientSchedule each = stored.get(client.id().value());
                            return each == null
                                    ? new Line(client, null, List.of())
                                    : new Line(client, each.schedule(), each.recipients());
                        })
                        .toList());
        return "reporting/schedules";
    }

    @GetMapping("/report-schedules/{client}")
    String show(@PathVariable String client, Scope scope, Model model) {
        ClientSchedule schedule = reports.schedule(client);
        return page(schedule, ScheduleForm.of(schedule.schedule()), null, null, scope, model);
    }

    @PostMapping("/report-schedules/{client}/edit")
    String put(
            @PathVariable String client,
            ScheduleForm form,
            Principal author,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ClientSchedule current = reports.schedule(client);
        boolean done = FormErrors.attempt(
                model, messages, locale, () -> reports.putSchedule(client, form.document(), author.getName()));
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(current, form, null, null, scope, model);
        }
        redirect.addFlashAttribute("notice", "schedule.saved");
        return "redirect:/report-schedules/" + current.client().slug();
    }

    /** What the mail of a period would send now: rendered, not sent. */
    @GetMapping("/report-schedules/{client}/preview")
    String preview(
            @PathVariable String client,
            @RequestParam(required = false) String period,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        ClientSchedule schedule = reports.schedule(client);
        Preview[] preview = new Preview[1];
        if (!FormErrors.attempt(model, messages, locale, () -> preview[0] = reports.preview(client, period))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return page(schedule, ScheduleForm.of(schedule.schedule()), period, preview[0], scope, model);
    }

    @PostMapping("/report-schedules/deliveries/{id}/resend")
    String resend(
            @PathVariable UUID id,
            Principal author,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                scope,
                locale,
                model,
                response,
                redirect,
                "schedule.resent",
                () -> reports.resend(id, author.getName()));
    }

    @PostMapping("/report-schedules/deliveries/{id}/retry")
    String retry(
            @PathVariable UUID id,
            Principal author,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                scope,
                locale,
                model,
                response,
                redirect,
                "schedule.retried",
                () -> reports.retry(id, author.getName()));
    }

    private String act(
            UUID id,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            Runnable action) {
        ReportDelivery delivery = reports.delivery(id, scope);
        ClientSchedule schedule = reports.schedule(delivery.client().toString());
        if (!FormErrors.attempt(model, messages, locale, action)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(schedule, ScheduleForm.of(schedule.schedule()), null, null, scope, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/report-schedules/" + schedule.client().slug();
    }

    private String page(
            ClientSchedule schedule, ScheduleForm form, String period, Preview preview, Scope scope, Model model) {
        Client client = schedule.client();
        model.addAttribute("client", client);
        model.addAttribute("schedule", schedule.schedule());
        model.addAttribute("recipients", schedule.recipients());
        model.addAttribute("scheduleForm", form);
        model.addAttribute("fields", ScheduleForm.FIELDS);
        model.addAttribute("period", period);
        model.addAttribute("preview", preview);
        model.addAttribute("deliveries", reports.list(scope, client.id().toString(), null, null, DELIVERIES_SHOWN));
        model.addAttribute("canEdit", access.allows("/report-schedules/" + client.slug() + "/edit"));
        model.addAttribute("canResend", access.allows("/report-schedules/deliveries/any/resend"));
        model.addAttribute("canRetry", access.allows("/report-schedules/deliveries/any/retry"));
        return "reporting/schedule";
    }
}
