package io.pledge.security.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request rates allowed per node ({@code pledge.rate-limits.*}). Each is a token bucket: {@code …PerSecond}
 * tokens come back each second, up to {@code …Burst}.
 *
 * @param ingestPerSecond signed webhook requests per source, and per client address
 * @param publicPerSecond requests to the public operations (health, metrics, API description) per address
 * @param failedSignInsPerMinute failed sign-ins (bad password or token) per address; past it, every request
 *     from that address with credentials is refused until the bucket refills
 */
@ConfigurationProperties("pledge.rate-limits")
public record RateLimits(
        Double ingestPerSecond,
        Integer ingestBurst,
        Double publicPerSecond,
        Integer publicBurst,
        Double failedSignInsPerMinute,
        Integer failedSignInsBurst) {

    public RateLimits {
        ingestPerSecond = ingestPerSecond == null ? 10_000.0 : ingestPerSecond;
        ingestBurst = ingestBurst == null ? 20_000 : ingestBurst;
        publicPerSecond = publicPerSecond == null ? 50.0 : publicPerSecond;
        publicBurst = publicBurst == null ? 200 : publicBurst;
        failedSignInsPerMinute = failedSignInsPerMinute == null ? 10.0 : failedSignInsPerMinute;
        failedSignInsBurst = failedSignInsBurst == null ? 10 : failedSignInsBurst;
    }
}
