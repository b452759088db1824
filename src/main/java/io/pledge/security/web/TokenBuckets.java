package io.pledge.security.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets by key (an address, a source), in memory, on the clock Pledge runs on. */
final class TokenBuckets {

    /** Past this many keys, full buckets (idle keys) are dropped. */
    private static final int PRUNE_ABOVE = 50_000;

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes a token: 0 when there was one, else the seconds until there will be (nothing taken). */
    long take(String key) {
        return bucket(key).take(true);
    }

    /** The seconds until a token is there, without taking one; 0 when there is one now. */
    long wait(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.take(false);
    }

    private Bucket bucket(String key) {
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(Bucket::isFull);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket());
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = clock.millis();

        synchronized long take(boolean consume) {
            long now = clock.millis();
            tokens = Math.min(burst, tokens + elapsedSeconds(now) * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                if (consume) {
                    tokens -= 1;
                }
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFull() {
            return tokens + elapsedSeconds(clock.millis()) * perSecond >= burst;
        }

        /** Since the last refill; none when the clock was set back (a step back refills nothing, takes nothing). */
        private double elapsedSeconds(long now) {
            return Math.max(0, now - refilledAt) / 1000.0;
        }
    }
}
