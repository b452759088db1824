package io.pledge.monitoring.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.Violation;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.monitoring.MaintenanceSchedules;
import io.pledge.monitoring.MaintenanceWindowDocument;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.StoredMaintenanceWindow;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Maintenance windows: the list (one-off and weekly, retroactive ones with their reason), and the form
 * that schedules a one-off window through {@link MaintenanceSchedules#plan}, as the API does: a window
 * starting before now is taken only when marked retroactive with a reason. Times are typed in the MSP's
 * zone ({@code pledge.pages.zone}).
 */
@Controller
@Hidden
class MaintenancePages {

    private final MaintenanceSchedules schedules;
    private final MonitorCatalog monitors;
    private final Clients clients;
    private final MessageSource messages;
    private final ZoneId zone;

    MaintenancePages(
            MaintenanceSchedules schedules,
            MonitorCatalog monitors,
            Clients clients,
            MessageSource messages,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone) {
        this.schedules = schedules;
        this.monitors = monitors;
        this.clients = clients;
        this.messages = messages;
        this.zone = zone;
    }

    /** The form as typed; {@code startsAt} and {@code endsAt} as the browser's local date-time fields send them. */
    record WindowForm(
            String client,
            String monitorId,
            String name,
            String startsAt,
            String endsAt,
            Boolean retroactive,
            String reason) {

        static final List<String> FIELDS =
                List.of("client", "monitorId", "name", "startsAt", "endsAt", "retroactive", "reason");

        MaintenanceWindowDocument document(ZoneId zone) {
            List<Violation> violations = new ArrayList<>();
            String starts = instant("startsAt", startsAt, zone, violations);
            String ends = instant("endsAt", endsAt, zone, violations);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            boolean past = Boolean.TRUE.equals(retroactive);
            return new MaintenanceWindowDocument(
                    blankless(client),
                    blankless(monitorId),
                    blankless(name),
                    starts,
                    ends,
                    null,
                    past ? Boolean.TRUE : null,
                    past ? (reason == null ? "" : reason.trim()) : blankless(reason));
        }

        private static String instant(String field, String local, ZoneId zone, List<Violation> violations) {
            if (local == null || local.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(local.trim())
                        .atZone(zone)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException e) {
                violations.add(new Violation(field, "must be a date and time, got " + local));
                return null;
            }
        }

        private static String blankless(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** One window's line. */
    record Row(StoredMaintenanceWindow window, String client, String monitor, ZoneId zone) {

        /** How long each weekly occurrence lasts; null for a one-off window. */
        public java.time.Duration length() {
            return window.durationSeconds() == null ? null : java.time.Duration.ofSeconds(window.durationSeconds());
        }
    }

    @GetMapping("/maintenance-windows")
    String list(Scope scope, Model model) {
        Map<UUID, Client> byId = clientsById();
        Map<UUID, String> monitorNames =
                monitors.list(null, scope).stream().collect(Collectors.toMap(Monitor::id, Monitor::name));
        List<Row> rows = schedules.list(null, null, scope).stream()
                .sorted(Comparator.comparing(
                                StoredMaintenanceWindow::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .reversed())
                .map(w -> {
                    Client client = byId.get(w.client().value());
                    return new Row(
                            w,
                            client == null ? "" : client.name(),
                            w.monitorId() == null ? null : monitorNames.get(w.monitorId()),
                            client == null ? zone : client.details().zone());
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("canEdit", !scope.isClient());
        return "monitoring/maintenance";
    }

    @GetMapping("/maintenance-windows/new")
    String newWindow(Scope scope, Model model) {
        return form(model, new WindowForm(null, null, null, null, null, false, null), scope);
    }

    @PostMapping("/maintenance-windows/new")
    String plan(
            @ModelAttribute("windowForm") WindowForm form,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!FormErrors.attempt(model, messages, locale, () -> schedules.plan(form.document(zone)))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, scope);
        }
        redirect.addFlashAttribute("notice", "maintenance.planned");
        return "redirect:/maintenance-windows";
    }

    private String form(Model model, WindowForm form, Scope scope) {
        Map<UUID, Client> byId = clientsById();
        model.addAttribute("windowForm", form);
        model.addAttribute("fields", WindowForm.FIELDS);
        model.addAttribute("zone", zone);
        model.addAttribute(
                "clients",
                byId.values().stream()
                        .sorted(Comparator.comparing(Client::name))
                        .toList());
        model.addAttribute(
                "monitors",
                monitors.list(null, scope).stream()
                        .map(m -> new MonitorChoice(
                                m.id(),
                                m.name(),
                                byId.containsKey(m.client().value())
                                        ? byId.get(m.client().value()).name()
                                        : ""))
                        .sorted(Comparator.comparing(MonitorChoice::client).thenComparing(MonitorChoice::name))
                        .toList());
        return "monitoring/maintenance-form";
    }

    /** A monitor the window may be limited to. */
    record MonitorChoice(UUID id, String name, String client) {}

    private Map<UUID, Client> clientsById() {
        return clients.all().stream().collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
    }
}
