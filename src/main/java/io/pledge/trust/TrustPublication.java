package io.pledge.trust;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.ConflictException;
import io.pledge.core.Scope;
import io.pledge.core.Secrets;
import io.pledge.core.Texts;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a manager publishes: trust pages (the MSP's and its clients'), their systems and figures; the incidents
 * written on them are {@link TrustIncidents}'. Every document is validated whole (400 naming each field), then its references
 * (client, monitors) are checked (422); nothing is written before both pass. Each change, once committed,
 * rebuilds the public snapshot ({@link TrustPublicationChanged}).
 */
@Service
public class TrustPublication {

    /** First path segments of the MSP's page's own resources: no client page may take them as its slug. */
    public static final Set<String> RESERVED_SLUGS =
            Set.of("s", "api", "badges", "feed.atom", "widget", "theme.css", "trust.css", "assets", "subscribe");

    static final int MAX_SYSTEMS = 50;
    static final int MAX_FIGURES = 36;
    static final String DEFAULT_ACCENT = "#1f5fa8";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final TrustPages pages;
    private final Clients clients;
    private final MonitorCatalog monitors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrustPublication(
            TrustPages pages, Clients clients, MonitorCatalog monitors, ApplicationEventPublisher events, Clock clock) {
        this.pages = pages;
        this.clients = clients;
        this.monitors = monitors;
        this.events = events;
        this.clock = clock;
    }

    /** A page saved, with its secret link's token when one was issued now (shown this once). */
    public record Saved(TrustPage page, String secret) {}

    /**
     * Creates a page: the MSP's (no client) or a client's.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400)
     * @throws UnprocessableException naming a client or monitor that does not exist (422)
     * @throws ConflictException when the owner has a page or the slug is taken (409)
     */
    @Transactional
    public Saved create(TrustPageDocument document) {
        Violations violations = new Violations();
        Parsed parsed = parse(document, violations);
        violations.throwIfAny();
        ClientId client = client(document.client());
        List<PublishedSystem> systems = systems(parsed.systems(), client);
        if (pages.findByOwner(client).isPresent()) {
            throw new ConflictException(
                    "client",
                    client == null ? "the MSP has a trust page already" : "this client has a trust page already");
        }
        if (parsed.slug() != null && pages.findBySlug(parsed.slug()).isPresent()) {
            throw new ConflictException("slug", "\"" + parsed.slug() + "\" is the address of another page");
        }
        Instant now = Timestamps.now(clock);
        String secret = parsed.visibility() == TrustPage.Visibility.SECRET ? Secrets.newSecret() : null;
        TrustPage page = new TrustPage(
                UUID.randomUUID(),
                client,
                parsed.slug(),
                parsed.name(),
                parsed.logoUrl(),
                parsed.accentColour(),
                parsed.language(),
                parsed.visibility(),
                parsed.published(),
                systems,
                parsed.figures(),
                secret == null ? null : Secrets.sha256(secret),
                now,
                now);
        pages.add(page);
        events.publishEvent(new TrustPublicationChanged());
        return new Saved(page, secret);
    }

    /**
     * Replaces a page's settings, systems and figures; its client stays. A SECRET page keeps its link unless
     * the document asks for a new one ({@code newSecret}) or the page just became SECRET.
     */
    @Transactional
    public Optional<Saved> replace(UUID id, TrustPageDocument document) {
        Optional<TrustPage> found = pages.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrustPage current = found.get();
        Violations violations = new Violations();
        Parsed parsed = parse(document, violations);
        violations.throwIfAny();
        ClientId client = client(document.client());
        if (document.client() != null || current.client() != null) {
            if (!java.util.Objects.equals(client, current.client())) {
                throw new UnprocessableException("client", "a page stays with its client");
            }
        }
        List<PublishedSystem> systems = systems(parsed.systems(), current.client());
        if (parsed.slug() != null
                && pages.findBySlug(parsed.slug())
                        .filter(p -> !p.id().equals(id))
                        .isPresent()) {
            throw new ConflictException("slug", "\"" + parsed.slug() + "\" is the address of another page");
        }
        String secret = null;
        String secretSha256 = null;
        if (parsed.visibility() == TrustPage.Visibility.SECRET) {
            boolean issue = Boolean.TRUE.equals(document.newSecret()) || current.secretSha256() == null;
            secret = issue ? Secrets.newSecret() : null;
            secretSha256 = issue ? Secrets.sha256(secret) : current.secretSha256();
        }
        TrustPage page = new TrustPage(
                id,
                current.client(),
                parsed.slug(),
                parsed.name(),
                parsed.logoUrl(),
                parsed.accentColour(),
                parsed.language(),
                parsed.visibility(),
                parsed.published(),
                systems,
                parsed.figures(),
                secretSha256,
                current.createdAt(),
                Timestamps.now(clock));
        pages.replace(page);
        events.publishEvent(new TrustPublicationChanged());
        return Optional.of(new Saved(page, secret));
    }

    @Transactional
    public boolean remove(UUID id) {
        boolean removed = pages.remove(id);
        if (removed) {
            events.publishEvent(new TrustPublicationChanged());
        }
        return removed;
    }

    public Optional<TrustPage> find(UUID id) {
        return pages.find(id);
    }

    public List<TrustPage> list() {
        return pages.all();
    }

    private record Parsed(
            String slug,
            String name,
            String logoUrl,
            String accentColour,
            String language,
            TrustPage.Visibility visibility,
            boolean published,
            List<SystemRequest> systems,
            List<PublishedFigure> figures) {}

    private record SystemRequest(String field, UUID monitor, String name) {}

    private static Parsed parse(TrustPageDocument document, Violations v) {
        boolean msp = document.client() == null;
        if (document.client() != null && document.client().isBlank()) {
            v.add("client", "must name a client (id or slug), or be left out for the MSP's own page");
        }
        String slug = null;
        if (msp) {
            if (document.slug() != null) {
                v.add("slug", "the MSP's page is at /trust and has no slug");
            }
        } else {
            slug = v.text("slug", document.slug(), 64);
            if (slug != null) {
                if (!SLUG.matcher(slug).matches()) {
                    v.add(
                            "slug",
                            "must be lowercase letters, digits and dashes (at most 64), got \""
                                    + Texts.quoted(slug, 100) + "\"");
                    slug = null;
                } else if (RESERVED_SLUGS.contains(slug)) {
                    v.add("slug", "\"" + slug + "\" is reserved for the MSP's page");
                    slug = null;
                }
            }
        }
        String name = v.text("name", document.name(), 200);
        String logoUrl = v.optionalText("logoUrl", document.logoUrl(), 2000);
        if (logoUrl != null && !httpsUrl(logoUrl)) {
            v.add("logoUrl", "must be an absolute https:// address of an image");
            logoUrl = null;
        }
        String accent = document.accentColour() == null
                ? DEFAULT_ACCENT
                : document.accentColour().strip();
        if (!COLOUR.matcher(accent).matches()) {
            v.add("accentColour", "must be a colour as #rrggbb, got \"" + Texts.quoted(accent, 50) + "\"");
        }
        String language =
                document.language() == null ? "en" : document.language().strip();
        if (!language.equals("en") && !language.equals("fr")) {
            v.add("language", "must be en or fr, got \"" + Texts.quoted(language, 20) + "\"");
        }
        TrustPage.Visibility visibility = document.visibility() == null
                ? TrustPage.Visibility.PUBLIC
                : v.parse(
                        "visibility",
                        document.visibility(),
                        "visibility (PUBLIC or SECRET)",
                        text -> TrustPage.Visibility.valueOf(text.toUpperCase(Locale.ROOT)));
        if (msp && visibility == TrustPage.Visibility.SECRET) {
            v.add("visibility", "the MSP's page is public; only a client's page can be SECRET");
        }
        List<SystemRequest> systems = new ArrayList<>();
        List<TrustPageDocument.SystemDocument> given = document.systems() == null ? List.of() : document.systems();
        if (given.size() > MAX_SYSTEMS) {
            v.add("systems", "at most " + MAX_SYSTEMS + " systems");
        } else {
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                Violations at = v.under("systems[" + i + "].");
                TrustPageDocument.SystemDocument system = given.get(i);
                if (system == null) {
                    v.add("systems[" + i + "]", "is required");
                    continue;
                }
                UUID monitor = at.parse("monitorId", system.monitorId(), "monitor id", UUID::fromString);
                String shown = at.text("name", system.name(), 100);
                if (monitor != null && !seen.add(monitor)) {
                    at.add("monitorId", "is published once already");
                }
                systems.add(new SystemRequest("systems[" + i + "].monitorId", monitor, shown));
            }
        }
        List<PublishedFigure> figures = new ArrayList<>();
        List<TrustPageDocument.FigureDocument> asked = document.figures() == null ? List.of() : document.figures();
        if (asked.size() > MAX_FIGURES) {
            v.add("figures", "at most " + MAX_FIGURES + " figures");
        } else {
            for (int i = 0; i < asked.size(); i++) {
                Violations at = v.under("figures[" + i + "].");
                TrustPageDocument.FigureDocument figure = asked.get(i);
                if (figure == null) {
                    v.add("figures[" + i + "]", "is required");
                    continue;
                }
                Metric metric = at.parse(
                        "metric",
                        figure.metric(),
                        "metric (FIRST_RESPONSE or RESOLUTION)",
                        text -> Metric.valueOf(text.toUpperCase(Locale.ROOT)));
                Priority priority = at.parse("priority", figure.priority(), "priority (P1...P9)", Priority::of);
                if (metric != null && priority != null) {
                    PublishedFigure published = new PublishedFigure(metric, priority);
                    if (figures.contains(published)) {
                        at.add("priority", "this figure is published once already");
                    } else {
                        figures.add(published);
                    }
                }
            }
        }
        return new Parsed(
                slug,
                name,
                logoUrl,
                accent.toLowerCase(Locale.ROOT),
                language,
                visibility,
                Boolean.TRUE.equals(document.published()),
                systems,
                figures);
    }

    private static boolean httpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private ClientId client(String reference) {
        if (reference == null) {
            return null;
        }
        return clients.findByReference(reference.strip())
                .map(Client::id)
                .orElseThrow(() -> new UnprocessableException("client", "unknown client \"" + reference + "\""));
    }

    /**
     * The systems with their monitors checked (each exists; on a client's page, each is the client's) and a
     * slug each, unique on the page.
     */
    private List<PublishedSystem> systems(List<SystemRequest> requests, ClientId client) {
        List<Violation> unknown = new ArrayList<>();
        List<PublishedSystem> systems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (SystemRequest request : requests) {
            Optional<Monitor> monitor = monitors.find(request.monitor(), Scope.everything())
                    .filter(m -> client == null || m.client().equals(client));
            if (monitor.isEmpty()) {
                unknown.add(new Violation(
                        request.field(),
                        client == null
                                ? "no monitor " + request.monitor()
                                : "no monitor " + request.monitor() + " of this client"));
                continue;
            }
            String base = slugOf(request.name());
            String slug = base;
            for (int n = 2; !slugs.add(slug); n++) {
                slug = base + "-" + n;
            }
            systems.add(new PublishedSystem(request.monitor(), slug, request.name(), systems.size()));
        }
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(unknown);
        }
        return systems;
    }

    /** A public name as an address: lowercase ASCII letters and digits joined by dashes. */
    static String slugOf(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "system" : plain;
    }
}
