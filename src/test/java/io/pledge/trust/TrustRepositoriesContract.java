package io.pledge.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.clients.ClientId;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trust repositories against the schema: a page comes back with its systems in order and its figures,
 * slugs and owners are unique, incidents come back with their systems and their updates in the order they
 * were written. Run on H2 and PostgreSQL.
 */
public abstract class TrustRepositoriesContract extends DatabaseIntegrationTest {

    @Autowired
    TrustPages pages;

    @Autowired
    Incidents incidents;

    @Autowired
    MutableClock clock;

    TrustFixture fixture;
    TrustFixture.Client client;
    UUID erp;
    UUID mail;
    Instant now;

    @BeforeEach
    void aClientWithTwoMonitors() {
        fixture = new TrustFixture(api(), clock.instant());
        client = fixture.client("Repository Client");
        erp = UUID.fromString(fixture.monitor(client, "erp").id());
        mail = UUID.fromString(fixture.monitor(client, "mail").id());
        now = Timestamps.now(clock);
    }

    private TrustPage page(String slug, TrustPage.Visibility visibility, String secret) {
        return new TrustPage(
                UUID.randomUUID(),
                new ClientId(UUID.fromString(client.id())),
                slug,
                "Status",
                "https://cdn.example/logo.png",
                "#7a1f5c",
                "fr",
                visibility,
                true,
                List.of(new PublishedSystem(mail, "mail", "Mail", 0), new PublishedSystem(erp, "erp", "ERP", 1)),
                List.of(
                        new PublishedFigure(Metric.FIRST_RESPONSE, Priority.of("P1")),
                        new PublishedFigure(Metric.RESOLUTION, Priority.of("P2"))),
                secret,
                now,
                now);
    }

    @Test
    void aPageComesBackAsStoredAndIsReplacedWhole() {
        TrustPage page = page(client.slug(), TrustPage.Visibility.SECRET, "ab".repeat(32));
        pages.add(page);

        assertThat(pages.find(page.id())).contains(page);
        assertThat(pages.findBySlug(client.slug())).contains(page);
        assertThat(pages.findByOwner(page.client())).contains(page);
        assertThat(pages.all()).contains(page);

        TrustPage replaced = new TrustPage(
                page.id(),
                page.client(),
                client.slug() + "-new",
                "Statut",
                null,
                "#000000",
                "en",
                TrustPage.Visibility.PUBLIC,
                false,
                List.of(new PublishedSystem(erp, "erp-app", "ERP app", 0)),
                List.of(),
                null,
                page.createdAt(),
                now.plus(Duration.ofMinutes(1)));
        assertThat(pages.replace(replaced)).isTrue();
        assertThat(pages.find(page.id())).contains(replaced);
        assertThat(pages.findBySlug(client.slug())).isEmpty();

        assertThat(pages.remove(page.id())).isTrue();
        assertThat(pages.find(page.id())).isEmpty();
        assertThat(pages.remove(page.id())).isFalse();
        assertThat(pages.replace(replaced)).isFalse();
    }

    @Test
    void aSlugAndAnOwnerHaveOnePageEach() {
        TrustPage page = page(client.slug(), TrustPage.Visibility.PUBLIC, null);
        pages.add(page);
        TrustFixture.Client other = fixture.client("Other Client");
        TrustPage sameSlug = new TrustPage(
                UUID.randomUUID(),
                new ClientId(UUID.fromString(other.id())),
                client.slug(),
                "x",
                null,
                "#000000",
                "en",
                TrustPage.Visibility.PUBLIC,
                false,
                List.of(),
                List.of(),
                null,
                now,
                now);
        assertThatThrownBy(() -> pages.add(sameSlug)).isInstanceOf(ConflictException.class);
        TrustPage sameOwner = page(client.slug() + "-two", TrustPage.Visibility.PUBLIC, null);
        assertThatThrownBy(() -> pages.add(sameOwner)).isInstanceOf(ConflictException.class);
        assertThat(pages.findBySlug(client.slug() + "-two")).isEmpty();
    }

    @Test
    void incidentsComeBackWithTheirSystemsAndUpdatesInOrder() {
        TrustPage page = page(client.slug(), TrustPage.Visibility.PUBLIC, null);
        pages.add(page);
        Incident incident = new Incident(
                UUID.randomUUID(),
                page.id(),
                "Mail delays",
                Incident.Impact.MINOR,
                Incident.Status.INVESTIGATING,
                List.of(mail),
                now,
                null,
                now,
                List.of(new Incident.Update(UUID.randomUUID(), Incident.Status.INVESTIGATING, "Looking.", now)));
        incidents.add(incident);
        Incident.Update identified = new Incident.Update(UUID.randomUUID(), Incident.Status.IDENTIFIED, "Found.", now);
        incidents.addUpdate(incident.id(), identified, null);
        Instant later = now.plus(Duration.ofHours(1));
        Incident.Update resolved = new Incident.Update(UUID.randomUUID(), Incident.Status.RESOLVED, "Fixed.", later);
        incidents.addUpdate(incident.id(), resolved, later);

        Incident stored = incidents.find(page.id(), incident.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Incident.Status.RESOLVED);
        assertThat(stored.resolvedAt()).isEqualTo(later);
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(stored.systems()).containsExactly(mail);
        assertThat(stored.updates()).extracting(Incident.Update::body).containsExactly("Looking.", "Found.", "Fixed.");
        assertThat(incidents.of(page.id(), now.minus(Duration.ofDays(1)))).containsExactly(stored);
        assertThat(incidents.of(page.id(), now.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(incidents.find(UUID.randomUUID(), incident.id())).isEmpty();

        assertThat(pages.remove(page.id())).isTrue();
        assertThat(incidents.find(page.id(), incident.id())).isEmpty();
    }
}
