package io.pledge.trust.web;

import io.pledge.trust.Incident;
import io.pledge.trust.PageFigures;
import io.pledge.trust.PublishedSystem;
import io.pledge.trust.TrustPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** A published page as Statuspage's summary document, which existing widgets and tools read. */
final class StatuspageSummary {

    private final String publicUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    StatuspageSummary(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * The page in the shape of Statuspage's {@code /api/v2/summary.json}: page, components, unresolved
     * incidents, scheduled maintenances and the overall status, so that tools and widgets made for it read it.
     */
    byte[] of(PageFigures figures) {
        TrustPage page = figures.page();
        String url = publicUrl + TrustRenderer.base(page);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", page.id().toString());
        about.put("name", page.name());
        about.put("url", url);
        about.put("time_zone", figures.zone());
        about.put("updated_at", figures.at().toString());
        summary.put("page", about);
        List<Map<String, Object>> components = new ArrayList<>();
        Map<UUID, String> componentStatus = componentStatuses(figures);
        int unchecked = 0;
        for (PublishedSystem system : page.systems()) {
            PageFigures.SystemFigures shown = figures.system(system.monitor());
            if (shown == null) {
                continue;
            }
            if (componentStatus.get(system.monitor()) == null) {
                unchecked++;
                continue;
            }
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", system.slug());
            component.put("name", system.name());
            component.put("status", componentStatus.get(system.monitor()));
            component.put("created_at", page.createdAt().toString());
            component.put("updated_at", figures.at().toString());
            component.put("position", system.position() + 1);
            component.put("description", null);
            component.put("showcase", true);
            component.put("start_date", null);
            component.put("group_id", null);
            component.put("page_id", page.id().toString());
            component.put("group", false);
            component.put("only_show_if_degraded", false);
            components.add(component);
        }
        summary.put("components", components);
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (Incident incident : figures.current()) {
            incidents.add(incident(incident, figures, url));
        }
        summary.put("incidents", incidents);
        List<Map<String, Object>> maintenances = new ArrayList<>();
        for (PageFigures.PlannedMaintenance maintenance : figures.maintenance()) {
            Map<String, Object> planned = new LinkedHashMap<>();
            String id = "maintenance-" + maintenance.start().getEpochSecond() + "-"
                    + maintenance.end().getEpochSecond();
            boolean started = !maintenance.start().isAfter(figures.at());
            planned.put("id", id);
            planned.put("name", "Planned maintenance: " + String.join(", ", maintenance.systems()));
            planned.put("status", started ? "in_progress" : "scheduled");
            planned.put("created_at", figures.at().toString());
            planned.put("updated_at", figures.at().toString());
            planned.put("monitoring_at", null);
            planned.put("resolved_at", null);
            planned.put("impact", "maintenance");
            planned.put("shortlink", url + "#maintenance");
            planned.put("started_at", maintenance.start().toString());
            planned.put("page_id", page.id().toString());
            planned.put("incident_updates", List.of());
            planned.put(
                    "components",
                    page.systems().stream()
                            .filter(s -> maintenance.systems().contains(s.name()))
                            .map(s -> component(s, "under_maintenance", figures))
                            .toList());
            planned.put("scheduled_for", maintenance.start().toString());
            planned.put("scheduled_until", maintenance.end().toString());
            maintenances.add(planned);
        }
        summary.put("scheduled_maintenances", maintenances);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put(
                "indicator",
                switch (figures.status()) {
                    case "DEGRADED" -> "minor";
                    case "PARTIAL_OUTAGE" -> "major";
                    case "MAJOR_OUTAGE" -> "critical";
                    default -> "none";
                });
        status.put(
                "description",
                switch (figures.status()) {
                            case "MAINTENANCE" -> "Service Under Maintenance";
                            case "DEGRADED" -> "Minor Service Outage";
                            case "PARTIAL_OUTAGE" -> "Partial System Outage";
                            case "MAJOR_OUTAGE" -> "Major System Outage";
                            default -> "All Systems Operational";
                        }
                        + (unchecked == 0 ? "" : " (" + unchecked + " not checked yet, left out)"));
        summary.put("status", status);
        return json.writeValueAsBytes(summary);
    }

    private Map<String, Object> incident(Incident incident, PageFigures figures, String url) {
        TrustPage page = figures.page();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", incident.id().toString());
        map.put("name", incident.title());
        map.put("status", incident.status().name().toLowerCase(Locale.ROOT));
        map.put("created_at", incident.startedAt().toString());
        map.put("updated_at", incident.updatedAt().toString());
        map.put(
                "monitoring_at",
                incident.updates().stream()
                        .filter(u -> u.status() == Incident.Status.MONITORING)
                        .map(u -> u.at().toString())
                        .reduce((a, b) -> b)
                        .orElse(null));
        map.put(
                "resolved_at",
                incident.resolvedAt() == null ? null : incident.resolvedAt().toString());
        map.put("impact", incident.impact().name().toLowerCase(Locale.ROOT));
        map.put("shortlink", url + "#incident-" + incident.id());
        map.put("started_at", incident.startedAt().toString());
        map.put("page_id", page.id().toString());
        List<Map<String, Object>> updates = new ArrayList<>();
        for (int i = incident.updates().size() - 1; i >= 0; i--) {
            Incident.Update update = incident.updates().get(i);
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", update.id().toString());
            u.put("status", update.status().name().toLowerCase(Locale.ROOT));
            u.put("body", update.body());
            u.put("incident_id", incident.id().toString());
            u.put("created_at", update.at().toString());
            u.put("updated_at", update.at().toString());
            u.put("display_at", update.at().toString());
            u.put("affected_components", null);
            u.put("deliver_notifications", true);
            u.put("custom_tweet", null);
            u.put("tweet_id", null);
            updates.add(u);
        }
        map.put("incident_updates", updates);
        Map<UUID, String> statuses = componentStatuses(figures);
        map.put(
                "components",
                page.systems().stream()
                        .filter(s -> incident.systems().contains(s.monitor()))
                        .filter(s -> statuses.get(s.monitor()) != null)
                        .map(s -> component(s, statuses.get(s.monitor()), figures))
                        .toList());
        return map;
    }

    private static Map<String, Object> component(PublishedSystem system, String status, PageFigures figures) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("id", system.slug());
        component.put("name", system.name());
        component.put("status", status);
        component.put("position", system.position() + 1);
        component.put("page_id", figures.page().id().toString());
        return component;
    }

    /**
     * Each system's Statuspage status: the worse of what its monitor says (DOWN: major outage, MAINTENANCE:
     * under maintenance) and the impact of a current incident naming it. Statuspage has no "unknown", and each
     * of its statuses claims something: a system not checked yet or paused has none (null) unless an incident
     * names it, and is left out of the components and of the overall indicator, the description saying how
     * many were (docs/adr/0039), as the page says it under its overall status.
     */
    private static Map<UUID, String> componentStatuses(PageFigures figures) {
        List<String> order =
                List.of("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage");
        Map<UUID, String> statuses = new HashMap<>();
        for (PublishedSystem system : figures.page().systems()) {
            PageFigures.SystemFigures shown = figures.system(system.monitor());
            String status = shown == null
                    ? null
                    : switch (shown.status()) {
                        case "DOWN" -> "major_outage";
                        case "MAINTENANCE" -> "under_maintenance";
                        case "UP" -> "operational";
                        default -> null;
                    };
            for (Incident incident : figures.current()) {
                if (incident.systems().contains(system.monitor())) {
                    String byIncident = switch (incident.impact()) {
                        case NONE -> "operational";
                        case MINOR -> "degraded_performance";
                        case MAJOR -> "partial_outage";
                        case CRITICAL -> "major_outage";
                    };
                    if (status == null || order.indexOf(byIncident) > order.indexOf(status)) {
                        status = byIncident;
                    }
                }
            }
            statuses.put(system.monitor(), status);
        }
        return statuses;
    }
}
