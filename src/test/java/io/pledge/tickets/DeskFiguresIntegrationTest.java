package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk's counts are given again without counting while nothing changed, and counted again as soon as a
 * ticket is written or the time alone may have changed them: the live figures stay right while an unchanged
 * desk costs almost nothing.
 */
class DeskFiguresIntegrationTest extends DatabaseIntegrationTest {

    @Autowired
    DeskFigures desk;

    @Autowired
    DeskChanges changes;

    @Autowired
    MutableClock clock;

    @Autowired
    ThresholdFiring firing;

    /** Thresholds are fired by hand in tests: every one reached so far, as the firing job would have. */
    private void fireAllDue() {
        while (firing.fireDue(1000) > 0) {
            // until none is left
        }
    }

    @Test
    void anUnchangedDeskIsNotCountedAgainAndAWriteShowsAtOnce() {
        TestCatalog catalog = TestCatalog.create(api());
        Scope scope = Scope.client(UUID.fromString(catalog.clientId()));
        fireAllDue();
        DeskFigures.Now first = desk.now(scope);
        assertThat(first.clients()).isEmpty();
        assertThat(desk.now(scope).clients())
                .as("counted again with nothing changed")
                .isSameAs(first.clients());

        // A P1 ticket opened an hour ago: its 15-minute first response is breached.
        long before = changes.current();
        Instant opened = clock.instant().minus(Duration.ofHours(1));
        assertThat(api().post("/api/v1/tickets", """
                        {"client": "%s", "priority": "P1", "service": "ERP", "subject": "Mail is down", "createdAt": "%s"}""".formatted(catalog.slug(), opened))
                        .status())
                .isEqualTo(201);
        assertThat(changes.current()).as("the write is counted once committed").isGreaterThan(before);
        fireAllDue();
        DeskFigures.Now written = desk.now(scope);
        assertThat(written.clients()).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo(UUID.fromString(catalog.clientId()));
            assertThat(client.breachedClocks()).isEqualTo(1);
        });
        assertThat(desk.now(scope).clients()).isSameAs(written.clients());
    }

    @Test
    void aClockThatReachesItsDueInstantIsCountedBreachedWithNoWrite() {
        TestCatalog catalog = TestCatalog.create(api());
        Scope scope = Scope.client(UUID.fromString(catalog.clientId()));
        // Due in one minute: its first response clock turns breached by time alone.
        Instant opened = clock.instant().minus(Duration.ofMinutes(14));
        assertThat(api().post("/api/v1/tickets", """
                        {"client": "%s", "priority": "P1", "service": "ERP", "subject": "Printer", "createdAt": "%s"}""".formatted(catalog.slug(), opened))
                        .status())
                .isEqualTo(201);
        fireAllDue();
        DeskFigures.Now early = desk.now(scope);
        assertThat(early.validUntil()).isBeforeOrEqualTo(opened.plus(Duration.ofMinutes(15)));
        long breachedEarly = early.clients().stream()
                .mapToLong(DeskFigures.ClientClocks::breachedClocks)
                .sum();
        assertThat(breachedEarly).isZero();

        clock.advance(Duration.ofMinutes(2));
        DeskFigures.Now late = desk.now(scope);
        assertThat(late.clients())
                .singleElement()
                .satisfies(client -> assertThat(client.breachedClocks()).isEqualTo(1));
    }
}
