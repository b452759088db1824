package io.pledge.monitoring;

import java.time.Duration;
import java.util.Map;

/**
 * A monitor's kind-specific settings; what does not apply to its kind is null.
 *
 * @param url HTTP: the address
 * @param method HTTP: GET, HEAD, POST...
 * @param statusMin HTTP: lowest status that passes (inclusive)
 * @param statusMax HTTP: highest status that passes (inclusive)
 * @param keyword HTTP: text the body must contain (or, with {@code keywordAbsent}, must not)
 * @param maxLatency HTTP: slower answers fail
 * @param followRedirects HTTP: follow redirects (else a 3xx is judged as it is)
 * @param verifyTls HTTP, TLS: verify the certificate chain and host name
 * @param host TCP, TLS: host to connect to
 * @param port TCP, TLS: port
 * @param warnDays TLS: fail when the certificate expires within this many days
 * @param grace HEARTBEAT: how late a call may come after the interval
 * @param labels EXTERNAL: Alertmanager labels an alert must carry (all of them) to concern this monitor
 */
public record MonitorSettings(
        String url,
        String method,
        Integer statusMin,
        Integer statusMax,
        String keyword,
        Boolean keywordAbsent,
        Duration maxLatency,
        Boolean followRedirects,
        Boolean verifyTls,
        String host,
        Integer port,
        Integer warnDays,
        Duration grace,
        Map<String, String> labels) {

    public MonitorSettings {
        labels = labels == null ? null : Map.copyOf(labels);
    }

    /** An HTTP check: what a request must get back to pass. */
    public static MonitorSettings http(
            String url,
            String method,
            int statusMin,
            int statusMax,
            String keyword,
            Boolean keywordAbsent,
            Duration maxLatency,
            boolean followRedirects,
            boolean verifyTls) {
        return new MonitorSettings(
                url,
                method,
                statusMin,
                statusMax,
                keyword,
                keywordAbsent,
                maxLatency,
                followRedirects,
                verifyTls,
                null,
                null,
                null,
                null,
                null);
    }

    /** A TCP check: a connection to the port must open. */
    public static MonitorSettings tcp(String host, int port) {
        return new MonitorSettings(null, null, null, null, null, null, null, null, null, host, port, null, null, null);
    }

    /** A TLS check: the certificate must be valid (when verified) and expire later than {@code warnDays}. */
    public static MonitorSettings tls(String host, int port, boolean verifyTls, int warnDays) {
        return new MonitorSettings(
                null, null, null, null, null, null, null, null, verifyTls, host, port, warnDays, null, null);
    }

    /** A heartbeat: a call must come within the interval plus {@code grace}. */
    public static MonitorSettings heartbeat(Duration grace) {
        return new MonitorSettings(null, null, null, null, null, null, null, null, null, null, null, null, grace, null);
    }

    /** An external monitor: alerts carrying all these labels open and close its downtime. */
    public static MonitorSettings external(Map<String, String> labels) {
        return new MonitorSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, labels);
    }
}
