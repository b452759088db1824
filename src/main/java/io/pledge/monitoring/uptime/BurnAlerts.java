package io.pledge.monitoring.uptime;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Multi-window burn-rate alerting (Google SRE workbook, chapter 5): an alert holds while both its long
 * and its short window burn above the factor, so it fires fast on a real burn and stops soon after
 * the burn stops. Fast: 1 h and 5 min above 14.4 (2 % of a 30-day budget in an hour). Slow: 6 h and
 * 30 min above 6 (5 % in six hours).
 */
public final class BurnAlerts {

    public enum Severity {
        FAST(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
        SLOW(Duration.ofHours(6), Duration.ofMinutes(30), 6);

        public final Duration longWindow;
        public final Duration shortWindow;
        public final double factor;

        Severity(Duration longWindow, Duration shortWindow, double factor) {
            this.longWindow = longWindow;
            this.shortWindow = shortWindow;
            this.factor = factor;
        }
    }

    /** The burn rates over the four windows ending at an instant. */
    public record Rates(double last5m, double last30m, double last1h, double last6h) {

        public double over(Duration window) {
            if (window.equals(Duration.ofMinutes(5))) {
                return last5m;
            }
            if (window.equals(Duration.ofMinutes(30))) {
                return last30m;
            }
            if (window.equals(Duration.ofHours(1))) {
                return last1h;
            }
            if (window.equals(Duration.ofHours(6))) {
                return last6h;
            }
            throw new IllegalArgumentException("no burn rate over " + window);
        }

        public boolean burning(Severity severity) {
            return over(severity.longWindow) > severity.factor && over(severity.shortWindow) > severity.factor;
        }
    }

    private BurnAlerts() {}

    /** The burn rates over the 5 min, 30 min, 1 h and 6 h windows that end at {@code now}. */
    public static Rates at(
            Instant now, List<Span> downtime, List<Span> maintenance, List<Span> gaps, BigDecimal target) {
        return new Rates(
                rate(now, Duration.ofMinutes(5), downtime, maintenance, gaps, target),
                rate(now, Duration.ofMinutes(30), downtime, maintenance, gaps, target),
                rate(now, Duration.ofHours(1), downtime, maintenance, gaps, target),
                rate(now, Duration.ofHours(6), downtime, maintenance, gaps, target));
    }

    private static double rate(
            Instant now,
            Duration window,
            List<Span> downtime,
            List<Span> maintenance,
            List<Span> gaps,
            BigDecimal target) {
        return Availability.burnRate(Span.of(now.minus(window), now), downtime, maintenance, gaps, target);
    }
}
