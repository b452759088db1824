package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The retry schedule of failed deliveries: doubling from 10 s, capped at an hour, dead after the sixth. */
class RetriesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void waitsDoubleFromTenSecondsUpToAnHour() {
        assertThat(Retries.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Retries.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Retries.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(Retries.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(Retries.backoff(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theSixthFailedAttemptIsTheLast() {
        assertThat(Retries.next(5, NOW)).isEqualTo(NOW.plusSeconds(160));
        assertThat(Retries.next(Retries.MAX_ATTEMPTS, NOW)).isNull();
    }
}
