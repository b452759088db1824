package io.pledge.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token buckets: a burst, a refill per second, and a clock that may be set back. */
class TokenBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(1, 3, clock);

    @Test
    void aBurstIsTakenThenOneTokenPerSecond() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("10.0.0.1")).isZero();
        }
        assertThat(buckets.take("10.0.0.1")).isEqualTo(1);
        assertThat(buckets.take("10.0.0.2")).as("another key, its own bucket").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("10.0.0.1")).isZero();
    }

    @Test
    void aClockSetBackTakesNoTokenAway() {
        assertThat(buckets.take("10.0.0.1")).isZero();
        clock.advance(Duration.ofDays(-365));

        assertThat(buckets.take("10.0.0.1")).isZero();
        assertThat(buckets.take("10.0.0.1")).isZero();
        assertThat(buckets.take("10.0.0.1"))
                .as("the burst spent, as without the step back")
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("10.0.0.1")).isZero();
    }
}
