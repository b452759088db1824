package io.pledge.trust;

import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents a manager writes on a trust page: opened with a first update, updated (RESOLVED resolves,
 * another status reopens), removed when written by mistake. Each document is validated whole (400 naming each
 * field), then the systems it names are checked against the page (422); nothing is written before both pass.
 * Each change, once committed, rebuilds the public snapshot ({@link TrustPublicationChanged}).
 */
@Service
public class TrustIncidents {

    private final TrustPages pages;
    private final Incidents incidents;
    private final PageNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrustIncidents(
            TrustPages pages, Incidents incidents, PageNotices notices, ApplicationEventPublisher events, Clock clock) {
        this.pages = pages;
        this.incidents = incidents;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens an incident on a page with its first update.
     *
     * @throws NotFoundException when there is no such page
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400)
     * @throws UnprocessableException naming a system not published on the page (422)
     */
    @Transactional
    public Incident open(UUID pageId, IncidentDocument document) {
        TrustPage page = pages.find(pageId).orElseThrow(() -> new NotFoundException("trust page", pageId));
        Violations violations = new Violations();
        String title = violations.text("title", document.title(), 200);
        Incident.Impact impact = document.impact() == null
                ? Incident.Impact.MINOR
                : violations.parse(
                        "impact",
                        document.impact(),
                        "impact (NONE, MINOR, MAJOR, CRITICAL)",
                        v -> Incident.Impact.valueOf(v.toUpperCase(Locale.ROOT)));
        Incident.Status status = document.status() == null
                ? Incident.Status.INVESTIGATING
                : status(violations, "status", document.status());
        String message = violations.text("message", document.message(), 5000);
        List<UUID> affected = new ArrayList<>();
        List<String> systems = document.systems() == null ? List.of() : document.systems();
        if (systems.size() > TrustPublication.MAX_SYSTEMS) {
            violations.add("systems", "at most " + TrustPublication.MAX_SYSTEMS + " systems");
        } else {
            for (int i = 0; i < systems.size(); i++) {
                UUID monitor = violations.parse("systems[" + i + "]", systems.get(i), "monitor id", UUID::fromString);
                if (monitor != null && !affected.contains(monitor)) {
                    affected.add(monitor);
                }
            }
        }
        violations.throwIfAny();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < affected.size(); i++) {
            UUID monitor = affected.get(i);
            if (page.systems().stream().noneMatch(s -> s.monitor().equals(monitor))) {
                unknown.add(new Violation("systems[" + i + "]", "no system " + monitor + " is published on this page"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(unknown);
        }
        Instant now = Timestamps.now(clock);
        Incident incident = new Incident(
                UUID.randomUUID(),
                pageId,
                title,
                impact,
                status,
                affected,
                now,
                status == Incident.Status.RESOLVED ? now : null,
                now,
                List.of(new Incident.Update(UUID.randomUUID(), status, message, now)));
        incidents.add(incident);
        notices.incident(page, incident, incident.updates().get(0), true);
        events.publishEvent(new TrustPublicationChanged());
        return incident;
    }

    /**
     * Adds an update to an incident of a page; RESOLVED resolves it, another status reopens it.
     *
     * @throws NotFoundException when there is no such page or incident
     */
    @Transactional
    public Incident update(UUID pageId, UUID incidentId, IncidentDocument.UpdateDocument document) {
        Incident incident =
                incidents.find(pageId, incidentId).orElseThrow(() -> new NotFoundException("incident", incidentId));
        Violations violations = new Violations();
        Incident.Status status = status(violations, "status", document.status());
        String message = violations.text("message", document.message(), 5000);
        violations.throwIfAny();
        Instant now = Timestamps.now(clock);
        Incident.Update update = new Incident.Update(UUID.randomUUID(), status, message, now);
        incidents.addUpdate(incidentId, update, status == Incident.Status.RESOLVED ? now : null);
        Incident updated = incidents.find(pageId, incident.id()).orElseThrow();
        pages.find(pageId).ifPresent(page -> notices.incident(page, updated, update, false));
        events.publishEvent(new TrustPublicationChanged());
        return updated;
    }

    /** A page's incidents: the current ones and those of the last {@code days} days, newest first. */
    public List<Incident> of(UUID pageId, int days) {
        pages.find(pageId).orElseThrow(() -> new NotFoundException("trust page", pageId));
        return incidents.of(pageId, clock.instant().minus(Duration.ofDays(days)));
    }

    @Transactional
    public boolean remove(UUID pageId, UUID incidentId) {
        boolean removed = incidents.remove(pageId, incidentId);
        if (removed) {
            events.publishEvent(new TrustPublicationChanged());
        }
        return removed;
    }

    private static Incident.Status status(Violations v, String field, String text) {
        return v.parse(
                field,
                text,
                "status (INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED)",
                value -> Incident.Status.valueOf(value.toUpperCase(Locale.ROOT)));
    }
}
