package io.pledge.core;

import java.time.Duration;
import java.time.Instant;

/**
 * When Pledge tries a failed delivery again (an escalation's webhook or mail, a scheduled report): after
 * 10 s, then 20 s, 40 s … at most an hour apart, and not after the {@value #MAX_ATTEMPTS}th attempt, when
 * the delivery is dead until someone retries it.
 */
public final class Retries {

    public static final int MAX_ATTEMPTS = 6;

    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private Retries() {}

    /** How long to wait after the {@code attempts}th failed attempt. */
    public static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** When to try again after the {@code attempts}th failed attempt at {@code now}; null when dead. */
    public static Instant next(int attempts, Instant now) {
        return attempts >= MAX_ATTEMPTS ? null : now.plus(backoff(attempts));
    }
}
