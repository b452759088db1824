package io.pledge.trust.web;

import io.pledge.core.NotFoundException;
import io.pledge.trust.Incident;
import io.pledge.trust.IncidentDocument;
import io.pledge.trust.PublishedFigure;
import io.pledge.trust.PublishedSystem;
import io.pledge.trust.Subscriber;
import io.pledge.trust.Subscriptions;
import io.pledge.trust.TrustIncidents;
import io.pledge.trust.TrustPage;
import io.pledge.trust.TrustPageDocument;
import io.pledge.trust.TrustPublication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trust pages as managers publish them: the pages, their systems and figures, and their incidents. */
@RestController
@Tag(name = "Trust pages", description = "What the public trust page shows: pages, systems, figures, incidents")
class TrustPageController {

    private final TrustPublication publication;
    private final TrustIncidents incidents;
    private final Subscriptions subscriptions;
    private final String publicUrl;

    TrustPageController(
            TrustPublication publication,
            TrustIncidents incidents,
            Subscriptions subscriptions,
            @Value("${pledge.public-url}") String publicUrl) {
        this.publication = publication;
        this.incidents = incidents;
        this.subscriptions = subscriptions;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/api/v1/trust/pages")
    @Operation(
            summary = "Create a trust page: the MSP's own (no `client`) or a client's; a SECRET page's link is in"
                    + " this answer only")
    ResponseEntity<PageView> create(@RequestBody TrustPageDocument body) {
        TrustPublication.Saved saved = publication.create(body);
        return ResponseEntity.created(
                        URI.create("/api/v1/trust/pages/" + saved.page().id()))
                .body(view(saved.page(), saved.secret()));
    }

    @GetMapping("/api/v1/trust/pages")
    @Operation(summary = "Every trust page, the MSP's first")
    List<PageView> list() {
        return publication.list().stream().map(p -> view(p, null)).toList();
    }

    @GetMapping("/api/v1/trust/pages/{id}")
    @Operation(summary = "A trust page")
    PageView get(@PathVariable UUID id) {
        return view(publication.find(id).orElseThrow(() -> new NotFoundException("trust page", id)), null);
    }

    @PutMapping("/api/v1/trust/pages/{id}")
    @Operation(
            summary = "Replace a page's settings, systems and figures; `newSecret` issues a new secret link (the old"
                    + " one stops working)")
    PageView replace(@PathVariable UUID id, @RequestBody TrustPageDocument body) {
        TrustPublication.Saved saved =
                publication.replace(id, body).orElseThrow(() -> new NotFoundException("trust page", id));
        return view(saved.page(), saved.secret());
    }

    @DeleteMapping("/api/v1/trust/pages/{id}")
    @Operation(summary = "Remove a trust page and its incidents")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        if (!publication.remove(id)) {
            throw new NotFoundException("trust page", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/trust/pages/{id}/incidents")
    @Operation(summary = "A page's current incidents and those started in the last `days` days (90 by default)")
    List<IncidentView> incidents(@PathVariable UUID id, @RequestParam(defaultValue = "90") int days) {
        return incidents.of(id, Math.max(1, Math.min(days, 3660))).stream()
                .map(IncidentView::of)
                .toList();
    }

    @PostMapping("/api/v1/trust/pages/{id}/incidents")
    @Operation(summary = "Open an incident on a page with its first update; it shows publicly at once")
    ResponseEntity<IncidentView> open(@PathVariable UUID id, @RequestBody IncidentDocument body) {
        Incident incident = incidents.open(id, body);
        return ResponseEntity.created(URI.create("/api/v1/trust/pages/" + id + "/incidents/" + incident.id()))
                .body(IncidentView.of(incident));
    }

    @PostMapping("/api/v1/trust/pages/{id}/incidents/{incident}/updates")
    @Operation(summary = "Add an update to an incident: its status (RESOLVED resolves it) and message")
    ResponseEntity<IncidentView> update(
            @PathVariable UUID id, @PathVariable UUID incident, @RequestBody IncidentDocument.UpdateDocument body) {
        Incident updated = incidents.update(id, incident, body);
        return ResponseEntity.created(URI.create("/api/v1/trust/pages/" + id + "/incidents/" + incident))
                .body(IncidentView.of(updated));
    }

    @DeleteMapping("/api/v1/trust/pages/{id}/incidents/{incident}")
    @Operation(summary = "Remove an incident written by mistake")
    ResponseEntity<Void> removeIncident(@PathVariable UUID id, @PathVariable UUID incident) {
        if (!incidents.remove(id, incident)) {
            throw new NotFoundException("incident", incident);
        }
        return ResponseEntity.noContent().build();
    }

    private PageView view(TrustPage page, String secret) {
        String url = page.isMsp()
                ? publicUrl + "/trust"
                : page.visibility() == TrustPage.Visibility.PUBLIC ? publicUrl + "/trust/" + page.slug() : null;
        return new PageView(
                page.id(),
                page.client() == null ? null : page.client().value(),
                page.slug(),
                page.name(),
                page.logoUrl(),
                page.accentColour(),
                page.language(),
                page.visibility().name(),
                page.published(),
                page.systems().stream().map(SystemView::of).toList(),
                page.figures().stream().map(FigureView::of).toList(),
                url,
                secret == null ? null : publicUrl + "/trust/s/" + secret,
                SubscriberCount.of(subscriptions.counts(page.id())),
                page.createdAt(),
                page.updatedAt());
    }

    /**
     * A trust page as the API shows it.
     *
     * @param url its public address (none for a SECRET page)
     * @param secretLink a SECRET page's link, in the answer that issued it only
     * @param subscribers how many confirmed subscribers its notices go to (never who they are)
     */
    record PageView(
            UUID id,
            UUID clientId,
            String slug,
            String name,
            String logoUrl,
            String accentColour,
            String language,
            String visibility,
            boolean published,
            List<SystemView> systems,
            List<FigureView> figures,
            String url,
            String secretLink,
            SubscriberCount subscribers,
            Instant createdAt,
            Instant updatedAt) {}

    /** Confirmed subscribers of a page: by mail, by webhook. */
    record SubscriberCount(long mail, long webhook) {

        static SubscriberCount of(java.util.Map<Subscriber.Kind, Long> counts) {
            return new SubscriberCount(
                    counts.getOrDefault(Subscriber.Kind.MAIL, 0L), counts.getOrDefault(Subscriber.Kind.WEBHOOK, 0L));
        }
    }

    record SystemView(UUID monitorId, String name, String slug) {

        static SystemView of(PublishedSystem system) {
            return new SystemView(system.monitor(), system.name(), system.slug());
        }
    }

    record FigureView(String metric, String priority) {

        static FigureView of(PublishedFigure figure) {
            return new FigureView(figure.metric().name(), figure.priority().code());
        }
    }

    record IncidentView(
            UUID id,
            String title,
            String impact,
            String status,
            List<UUID> systems,
            Instant startedAt,
            Instant resolvedAt,
            List<UpdateView> updates) {

        static IncidentView of(Incident incident) {
            return new IncidentView(
                    incident.id(),
                    incident.title(),
                    incident.impact().name(),
                    incident.status().name(),
                    incident.systems(),
                    incident.startedAt(),
                    incident.resolvedAt(),
                    incident.updates().stream()
                            .map(u -> new UpdateView(u.id(), u.status().name(), u.body(), u.at()))
                            .toList());
        }
    }

    record UpdateView(UUID id, String status, String message, Instant at) {}
}
