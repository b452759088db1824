package io.pledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/**
 * Monitoring on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one; and the claim that lets
 * several nodes share one PostgreSQL (an embedded H2 file serves one process only, so it has no such case).
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class MonitoringPostgresIntegrationTest extends MonitoringContract {

    @Test
    void twoNodesSharingTheDatabaseNeverClaimTheSameMonitor() throws Exception {
        List<UUID> created = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(UUID.fromString(httpMonitor(2).get("id").asString()));
        }
        clock.advance(Duration.ofSeconds(30));
        Instant now = clock.instant();
        java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService otherNode = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<UUID>> first = otherNode.submit(() -> transactions.execute(status -> {
                List<UUID> ids = ids(monitors.claimDue(now, now, 2));
                claimed.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            // This node's claim skips the rows the other node holds instead of waiting for them.
            List<UUID> second = transactions.execute(status -> ids(monitors.claimDue(now, now, 10)));
            release.countDown();
            List<UUID> firstIds = first.get(10, TimeUnit.SECONDS);
            assertThat(firstIds).hasSize(2);
            assertThat(second).hasSize(2).doesNotContainAnyElementsOf(firstIds);
            List<UUID> all = new java.util.ArrayList<>(firstIds);
            all.addAll(second);
            assertThat(all).containsExactlyInAnyOrderElementsOf(created);
            // Claimed means moved on by an interval: nothing is due again until then.
            List<UUID> again = transactions.execute(status -> ids(monitors.claimDue(now, now, 10)));
            assertThat(again).isEmpty();
            clock.advance(Duration.ofSeconds(30));
            List<UUID> next =
                    transactions.execute(status -> ids(monitors.claimDue(clock.instant(), clock.instant(), 10)));
            assertThat(next).containsExactlyInAnyOrderElementsOf(created);
        } finally {
            otherNode.shutdownNow();
        }
    }

    static List<UUID> ids(List<Monitors.Claim> claims) {
        return claims.stream().map(c -> c.monitor().id()).toList();
    }
}
