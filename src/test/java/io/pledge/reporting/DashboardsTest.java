package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's snapshots: the first viewer of a scope waits for its figures, later viewers never do
 * (figures past the refresh interval are answered as they are while one background computation runs), and
 * the version changes exactly when the figures do.
 */
class DashboardsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final AtomicLong breached = new AtomicLong();
    private final AtomicInteger computations = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final Dashboards dashboards =
            new Dashboards(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    clock,
                    ZoneId.of("UTC"),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(5)) {
                @Override
                public Dashboard compute(Scope scope) {
                    computations.incrementAndGet();
                    try {
                        if (!held.await(5, TimeUnit.SECONDS)) {
                            throw new AssertionError("never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                    return new Dashboard("2026-12", breached.get(), 0, List.of(), List.of(), 0, List.of(), List.of());
                }
            };

    @AfterEach
    void stop() {
        held.countDown();
        dashboards.stop();
    }

    @Test
    void theFirstViewerWaitsForTheFiguresAndTheNextOnesWithinTheIntervalShareThem() {
        breached.set(3);
        Dashboards.Snapshot first = dashboards.snapshot(Scope.everything());
        clock.advance(Duration.ofSeconds(9));
        breached.set(4);

        assertThat(first.figures().breachedClocks()).isEqualTo(3);
        assertThat(dashboards.snapshot(Scope.everything())).isSameAs(first);
        assertThat(computations).hasValue(1);
    }

    @Test
    void staleFiguresAreAnsweredAtOnceWhileOneComputationRunsBehind() throws Exception {
        breached.set(3);
        Dashboards.Snapshot first = dashboards.snapshot(Scope.everything());
        clock.advance(Duration.ofSeconds(10));
        breached.set(4);
        held = new CountDownLatch(1);

        // Many polls while the computation is held: each is answered with the figures there are, and only
        // one computation starts.
        for (int poll = 0; poll < 20; poll++) {
            assertThat(dashboards.snapshot(Scope.everything())).isSameAs(first);
        }
        held.countDown();
        Dashboards.Snapshot next = awaitChange(first);

        assertThat(computations).hasValue(2);
        assertThat(next.figures().breachedClocks()).isEqualTo(4);
        assertThat(next.version()).isNotEqualTo(first.version());
        assertThat(next.changedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theVersionStaysWhileTheFiguresDoNot() throws Exception {
        Dashboards.Snapshot first = dashboards.snapshot(Scope.everything());
        clock.advance(Duration.ofMinutes(1));
        dashboards.snapshot(Scope.everything());
        Dashboards.Snapshot again = awaitChange(first);

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.changedAt()).isEqualTo(first.changedAt());
        assertThat(again.computedAt()).isEqualTo(clock.instant());
    }

    @Test
    void eachScopeHasItsOwnFigures() {
        breached.set(3);
        Dashboards.Snapshot all = dashboards.snapshot(Scope.everything());
        breached.set(1);
        Dashboards.Snapshot one = dashboards.snapshot(Scope.client(java.util.UUID.randomUUID()));

        assertThat(all.figures().breachedClocks()).isEqualTo(3);
        assertThat(one.figures().breachedClocks()).isEqualTo(1);
    }

    /** The scope's snapshot once the background computation has replaced {@code before}. */
    private Dashboards.Snapshot awaitChange(Dashboards.Snapshot before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Dashboards.Snapshot now = dashboards.snapshot(Scope.everything());
            if (now != before) {
                return now;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the figures were never computed again");
    }
}
