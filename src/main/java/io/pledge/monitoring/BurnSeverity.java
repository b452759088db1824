package io.pledge.monitoring;

import java.time.Duration;

/**
 * The two multi-window burn-rate alerts (Google SRE workbook): FAST while the burn rate over both 1 h and
 * 5 min is above 14.4, SLOW while over both 6 h and 30 min it is above 6.
 */
public enum BurnSeverity {
    FAST(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
    SLOW(Duration.ofHours(6), Duration.ofMinutes(30), 6);

    private final Duration longWindow;
    private final Duration shortWindow;
    private final double factor;

    BurnSeverity(Duration longWindow, Duration shortWindow, double factor) {
        this.longWindow = longWindow;
        this.shortWindow = shortWindow;
        this.factor = factor;
    }

    public Duration longWindow() {
        return longWindow;
    }

    public Duration shortWindow() {
        return shortWindow;
    }

    public double factor() {
        return factor;
    }
}
