package io.pledge.trust;

import io.pledge.core.Poller;
import io.pledge.core.Secrets;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The published trust pages as the public sees them, held in memory: every page, badge and feed rendered
 * ahead from figures computed at most once per {@code pledge.trust.refresh} (60 s), and again as soon as a
 * publication change commits. A public request reads this snapshot and never computes a figure or touches
 * the database (docs/adr/0034).
 */
@Component
public class TrustSnapshots {

    private static final Logger log = LoggerFactory.getLogger(TrustSnapshots.class);

    /** A published page's figures and its rendered answers. */
    public record Entry(PageFigures figures, Map<String, PublicResource> resources) {

        /** The answer at {@code path} in {@code language}, else the one every language shares. */
        public Optional<PublicResource> resource(String language, String path) {
            PublicResource localised = resources.get(language + "/" + path);
            return Optional.ofNullable(localised != null ? localised : resources.get(path));
        }

        public String language() {
            return figures.page().language();
        }
    }

    /** The pages: the MSP's, clients' public ones by slug, secret ones by their token's SHA-256. */
    public record Snapshot(Entry msp, Map<String, Entry> bySlug, Map<String, Entry> bySecret, Instant at) {

        static final Snapshot EMPTY = new Snapshot(null, Map.of(), Map.of(), Instant.EPOCH);
    }

    private final TrustPages pages;
    private final Incidents incidents;
    private final PublicFigures figures;
    private final PublicRendering rendering;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.EMPTY);

    TrustSnapshots(
            TrustPages pages, Incidents incidents, PublicFigures figures, PublicRendering rendering, Clock clock) {
        this.pages = pages;
        this.incidents = incidents;
        this.figures = figures;
        this.rendering = rendering;
        this.clock = clock;
    }

    public Snapshot current() {
        return current.get();
    }

    /** The MSP's page, when published. */
    public Optional<Entry> msp() {
        return Optional.ofNullable(current.get().msp());
    }

    /** A client's public page by its slug, when published. */
    public Optional<Entry> bySlug(String slug) {
        return Optional.ofNullable(current.get().bySlug().get(slug));
    }

    /** A client's secret page by its link's token, when published. */
    public Optional<Entry> bySecret(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.get().bySecret().get(Secrets.sha256(token)));
    }

    /**
     * Rebuilds the snapshot once a publication change has committed. The change is stored whatever happens
     * here: a failure is logged and the next scheduled refresh tries again, rather than answering the manager
     * with an error for a change that was made.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void publicationChanged(TrustPublicationChanged change) {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("trust pages' snapshot not rebuilt after a publication change; next refresh tries again", e);
        }
    }

    /**
     * Computes and renders every published page anew and swaps the snapshot in one step. A page whose figures
     * fail keeps its previous answers (logged) rather than taking the others down.
     */
    public synchronized void refresh() {
        Instant now = Timestamps.now(clock);
        Snapshot before = current.get();
        Entry msp = null;
        Map<String, Entry> bySlug = new HashMap<>();
        Map<String, Entry> bySecret = new HashMap<>();
        List<TrustPage> all = pages.all();
        for (TrustPage page : all) {
            if (!page.published()) {
                continue;
            }
            Entry entry;
            try {
                PageFigures computed = figures.of(page, now, incidents.of(page.id(), now.minus(Duration.ofDays(90))));
                entry = new Entry(computed, Map.copyOf(rendering.render(computed)));
            } catch (RuntimeException e) {
                log.warn("trust page {} kept its previous snapshot: {}", page.id(), e.toString(), e);
                entry = previous(before, page);
                if (entry == null) {
                    continue;
                }
            }
            if (page.isMsp()) {
                msp = entry;
            } else if (page.visibility() == TrustPage.Visibility.SECRET) {
                if (page.secretSha256() != null) {
                    bySecret.put(page.secretSha256(), entry);
                }
            } else {
                bySlug.put(page.slug(), entry);
            }
        }
        current.set(new Snapshot(msp, Map.copyOf(bySlug), Map.copyOf(bySecret), now));
    }

    private static Entry previous(Snapshot before, TrustPage page) {
        if (page.isMsp()) {
            return before.msp();
        }
        Entry entry = page.secretSha256() != null ? before.bySecret().get(page.secretSha256()) : null;
        return entry != null ? entry : before.bySlug().get(page.slug());
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        /** Refreshes the snapshot every {@code pledge.trust.refresh} (60 s; zero: only on changes), from the start. */
        @Bean
        Poller trustSnapshotRefresh(
                TrustSnapshots snapshots, @Value("${pledge.trust.refresh:PT60S}") Duration interval) {
            return new Poller("trust-snapshot", interval, Duration.ZERO, 1, () -> {
                snapshots.refresh();
                return 0;
            });
        }
    }
}
