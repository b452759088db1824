package io.pledge.monitoring.probe;

import java.time.Duration;

/** The outcome of one check: passed or not, how long it took, and why it failed. */
public record ProbeResult(boolean ok, Duration latency, String error) {

    public static ProbeResult passed(Duration latency) {
        return new ProbeResult(true, latency, null);
    }

    public static ProbeResult failed(Duration latency, String error) {
        return new ProbeResult(false, latency, error);
    }
}
