package io.pledge.trust;

import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What subscribers of a published page are told of: an incident opened, updated or resolved (owed in the
 * transaction that writes it, so that a change acknowledged to the manager is never without its notices), and
 * planned maintenance of its systems, once when it shows on the page and once when it starts (found in the
 * published snapshot). Each event is stored once by its key, with its facts by public names only, and owes a
 * notice to each confirmed subscriber of the page.
 */
@Service
public class PageNotices {

    private final SubscriberNotices notices;
    private final TrustSnapshots snapshots;
    private final Clock clock;
    private final String publicUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    PageNotices(
            SubscriberNotices notices,
            TrustSnapshots snapshots,
            Clock clock,
            @Value("${pledge.public-url}") String publicUrl) {
        this.notices = notices;
        this.snapshots = snapshots;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The kinds of event a subscriber is told of. */
    enum Type {
        INCIDENT_CREATED("incident.created"),
        INCIDENT_UPDATED("incident.updated"),
        INCIDENT_RESOLVED("incident.resolved"),
        MAINTENANCE_PLANNED("maintenance.planned"),
        MAINTENANCE_STARTED("maintenance.started");

        final String name;

        Type(String name) {
            this.name = name;
        }

        static Type of(String name) {
            for (Type type : values()) {
                if (type.name.equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    /**
     * Owes the notices of an incident's update (its first when it was just opened), in the caller's
     * transaction; nothing while the page is not published.
     */
    void incident(TrustPage page, Incident incident, Incident.Update update, boolean opened) {
        if (!page.published()) {
            return;
        }
        Type type = opened
                ? Type.INCIDENT_CREATED
                : update.status() == Incident.Status.RESOLVED ? Type.INCIDENT_RESOLVED : Type.INCIDENT_UPDATED;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", incident.id().toString());
        facts.put("title", incident.title());
        facts.put("impact", incident.impact().name());
        facts.put("status", update.status().name());
        facts.put("message", update.body());
        facts.put(
                "systems",
                page.systems().stream()
                        .filter(s -> incident.systems().contains(s.monitor()))
                        .map(PublishedSystem::name)
                        .toList());
        facts.put("at", update.at().toString());
        owe(page, type, "incident:" + update.id(), "incident", facts, update.at(), zoneOf(page));
    }

    /**
     * Owes the notices of maintenance that shows on a published page for the first time, and of maintenance
     * that has started, as the current snapshot holds them. Safe on several nodes: an event is stored once.
     *
     * @return how many events were new
     */
    @Transactional
    public int maintenance() {
        Instant now = Timestamps.now(clock);
        TrustSnapshots.Snapshot snapshot = snapshots.current();
        List<TrustSnapshots.Entry> entries = new java.util.ArrayList<>();
        if (snapshot.msp() != null) {
            entries.add(snapshot.msp());
        }
        entries.addAll(snapshot.bySlug().values());
        entries.addAll(snapshot.bySecret().values());
        int owed = 0;
        for (TrustSnapshots.Entry entry : entries) {
            PageFigures figures = entry.figures();
            for (PageFigures.PlannedMaintenance planned : figures.maintenance()) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("start", planned.start().toString());
                facts.put("end", planned.end().toString());
                facts.put("systems", planned.systems());
                String key = "maintenance:" + figures.page().id() + ":" + planned.start() + ":" + planned.end();
                if (owe(
                        figures.page(),
                        Type.MAINTENANCE_PLANNED,
                        key + ":planned",
                        "maintenance",
                        facts,
                        now,
                        figures.zone())) {
                    owed++;
                }
                if (!planned.start().isAfter(now)
                        && owe(
                                figures.page(),
                                Type.MAINTENANCE_STARTED,
                                key + ":started",
                                "maintenance",
                                facts,
                                now,
                                figures.zone())) {
                    owed++;
                }
            }
        }
        return owed;
    }

    private boolean owe(
            TrustPage page, Type type, String key, String about, Map<String, Object> facts, Instant at, String zone) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type.name);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", page.id().toString());
        shown.put("name", page.name());
        // A secret page's address is its secret: no notice carries it.
        shown.put(
                "url",
                page.isMsp()
                        ? publicUrl + "/trust"
                        : page.visibility() == TrustPage.Visibility.PUBLIC
                                ? publicUrl + "/trust/" + page.slug()
                                : null);
        shown.put("time_zone", zone);
        event.put("page", shown);
        event.put(about, facts);
        return notices.owe(new SubscriberNotices.Event(
                        UUID.randomUUID(), page.id(), key, json.writeValueAsString(event), at))
                >= 0;
    }

    /** The zone the page's figures are shown in, from its snapshot; UTC before its first one. */
    private String zoneOf(TrustPage page) {
        TrustSnapshots.Snapshot snapshot = snapshots.current();
        TrustSnapshots.Entry entry = page.isMsp()
                ? snapshot.msp()
                : page.visibility() == TrustPage.Visibility.SECRET
                        ? (page.secretSha256() == null
                                ? null
                                : snapshot.bySecret().get(page.secretSha256()))
                        : snapshot.bySlug().get(page.slug());
        return entry == null ? "UTC" : entry.figures().zone();
    }
}
