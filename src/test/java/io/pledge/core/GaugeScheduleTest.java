package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schedule refreshes every source at start and then again, whatever one of them throws. */
class GaugeScheduleTest {

    @Test
    void refreshesEverySourceAtStartAndAgainDespiteAFailingOne() throws Exception {
        AtomicInteger failing = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        GaugeSource broken = () -> {
            failing.incrementAndGet();
            throw new IllegalStateException("database unreachable");
        };
        GaugeSource counted = twice::countDown;
        GaugeSchedule schedule = new GaugeSchedule(List.of(broken, counted), Duration.ofMillis(50));

        schedule.start();
        try {
            assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failing.get()).isGreaterThanOrEqualTo(2);
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void aZeroIntervalNeverRefreshes() {
        AtomicInteger refreshed = new AtomicInteger();
        GaugeSchedule schedule = new GaugeSchedule(List.of(refreshed::incrementAndGet), Duration.ZERO);

        schedule.start();

        // No thread was started: nothing can refresh later either.
        assertThat(schedule.isRunning()).isFalse();
        assertThat(refreshed.get()).isZero();
    }
}
