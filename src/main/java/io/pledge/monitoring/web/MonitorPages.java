package io.pledge.monitoring.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Downtime;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.uptime.Span;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monitors' pages: the list with each monitor's status, a monitor's page (90 daily uptime bars,
 * response time per hour, its downtime and hourly checks), and the form that adds or changes one. They
 * read and write through {@link MonitorCatalog} and {@link AvailabilityQueries}, as the API does, within
 * the caller's scope; who may open which is in {@code AccessRules.PAGES}.
 */
@Controller
@Hidden
class MonitorPages {

    static final int DAYS = 90;

    /** The months of the availability table, the current one included. */
    static final int MONTHS = 12;

    private final MonitorCatalog catalog;
    private final AvailabilityQueries availability;
    private final Clients clients;
    private final MessageSource messages;
    private final Clock clock;
    private final PageAccess access;

    MonitorPages(
            MonitorCatalog catalog,
            AvailabilityQueries availability,
            Clients clients,
            MessageSource messages,
            Clock clock,
            PageAccess access) {
        this.access = access;
        this.catalog = catalog;
        this.availability = availability;
        this.clients = clients;
        this.messages = messages;
        this.clock = clock;
    }

    /** One monitor's line of the list. */
    record Row(
            UUID id,
            String name,
            String client,
            MonitorKind kind,
            String status,
            String tone,
            Instant statusSince,
            Instant lastCheckAt,
            Integer lastLatencyMs) {}

    @GetMapping("/monitors")
    String list(Scope scope, Authentication caller, Model model) {
        Map<UUID, Client> byId =
                clients.all().stream().collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        List<Row> rows = catalog.list(null, scope).stream()
                .map(m -> {
                    String status = catalog.statusOf(m);
                    Monitor.LastCheck last = m.standing().lastCheck();
                    Client client = byId.get(m.client().value());
                    return new Row(
                            m.id(),
                            m.name(),
                            client == null ? "" : client.name(),
                            m.kind(),
                            status,
                            tone(status),
                            m.standing().statusSince(),
                            last == null ? null : last.at(),
                            last == null ? null : last.latencyMs());
                })
                .sorted(Comparator.comparing(Row::client).thenComparing(Row::name))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("canEdit", access.allows("/monitors/new"));
        return "monitoring/monitors";
    }

    @GetMapping("/monitors/{id}")
    String monitor(@PathVariable UUID id, Scope scope, Authentication caller, Model model) {
        Monitor monitor = catalog.find(id, scope).orElseThrow(() -> new NotFoundException("monitor", id));
        String status = catalog.statusOf(monitor);
        Client client = clients.find(monitor.client()).orElse(null);
        ZoneId zone = client == null ? ZoneId.of("UTC") : client.details().zone();
        Instant now = clock.instant();
        AvailabilityQueries.Answer period = availability.over(monitor, Span.of(now.minus(Duration.ofDays(DAYS)), now));
        List<Downtime> downtime = period.downtime().stream()
                .sorted(Comparator.comparing(Downtime::start).reversed())
                .limit(20)
                .toList();
        var hourly = availability.checks(monitor, "HOUR", null, null);
        model.addAttribute("monitor", monitor);
        model.addAttribute("clientName", client == null ? "" : client.name());
        model.addAttribute("zone", zone);
        model.addAttribute("status", status);
        model.addAttribute("tone", tone(status));
        model.addAttribute("availability", period.soFar().availability());
        model.addAttribute("target", monitor.target());
        model.addAttribute("bars", UptimeBars.of(availability.daily(monitor, DAYS)));
        model.addAttribute("months", MonthlyAvailability.of(availability, monitor, zone, now, MONTHS));
        model.addAttribute("states", UptimeBars.STATES);
        model.addAttribute(
                "colours",
                UptimeBars.STATES.stream().collect(Collectors.toMap(Function.identity(), UptimeBars::colour)));
        model.addAttribute("chart", ResponseTimeChart.of(hourly));
        List<io.pledge.monitoring.CheckStat> recent = new java.util.ArrayList<>(hourly);
        java.util.Collections.reverse(recent);
        model.addAttribute("checks", recent);
        model.addAttribute("downtime", downtime);
        model.addAttribute("now", now);
        model.addAttribute("canEdit", access.allows("/monitors/" + id + "/edit"));
        return "monitoring/monitor";
    }

    @GetMapping("/monitors/new")
    String newMonitor(Model model) {
        return form(model, MonitorForm.empty(), null);
    }

    @PostMapping("/monitors/new")
    String create(
            @ModelAttribute("monitorForm") MonitorForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        MonitorCatalog.Saved[] saved = new MonitorCatalog.Saved[1];
        if (!FormErrors.attempt(model, messages, locale, () -> saved[0] = catalog.add(form.document(true)))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null);
        }
        return saved(saved[0], redirect, "created");
    }

    @GetMapping("/monitors/{id}/edit")
    String edit(@PathVariable UUID id, Scope scope, Model model) {
        Monitor monitor = catalog.find(id, scope).orElseThrow(() -> new NotFoundException("monitor", id));
        return form(model, MonitorForm.of(monitor), monitor);
    }

    @PostMapping("/monitors/{id}/edit")
    String change(
            @PathVariable UUID id,
            @ModelAttribute("monitorForm") MonitorForm form,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Monitor monitor = catalog.find(id, scope).orElseThrow(() -> new NotFoundException("monitor", id));
        MonitorCatalog.Saved[] saved = new MonitorCatalog.Saved[1];
        if (!FormErrors.attempt(
                model,
                messages,
                locale,
                () -> saved[0] = catalog.replace(id, form.document(false), scope)
                        .orElseThrow(() -> new NotFoundException("monitor", id)))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, monitor);
        }
        return saved(saved[0], redirect, "changed");
    }

    private String saved(MonitorCatalog.Saved saved, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", "monitor." + notice);
        if (saved.secret() != null) {
            // Shown once, on the page the form leads to, as the API answers it once.
            redirect.addFlashAttribute("secret", saved.secret());
            redirect.addFlashAttribute(
                    "heartbeatUrl",
                    saved.monitor().kind() == MonitorKind.HEARTBEAT
                            ? "/api/v1/ingest/heartbeats/" + saved.secret()
                            : null);
        }
        return "redirect:/monitors/" + saved.monitor().id();
    }

    private String form(Model model, MonitorForm form, Monitor monitor) {
        model.addAttribute("monitorForm", form);
        model.addAttribute("editing", monitor);
        model.addAttribute(
                "kinds", Arrays.stream(MonitorKind.values()).map(Enum::name).toList());
        model.addAttribute("fields", MonitorForm.FIELDS);
        if (monitor == null) {
            model.addAttribute(
                    "clients",
                    clients.all().stream()
                            .sorted(Comparator.comparing(Client::name))
                            .toList());
        }
        return "monitoring/monitor-form";
    }

    /** The status's colour class: UP ok, DOWN bad, MAINTENANCE warn, PENDING and PAUSED none. */
    static String tone(String status) {
        return switch (status) {
            case "UP" -> "ok";
            case "DOWN" -> "bad";
            case "MAINTENANCE" -> "warn";
            default -> "";
        };
    }
}
