package io.pledge.monitoring;

/** What a monitor watches and how it learns the system's state. */
public enum MonitorKind {
    /** An HTTP(S) request: status range, keyword, latency limit. */
    HTTP,
    /** A TCP connection. */
    TCP,
    /** A TLS handshake: the certificate must be valid and far enough from expiry. */
    TLS,
    /** The client's system calls a secret URL; DOWN when no call came within interval + grace. */
    HEARTBEAT,
    /** Fed by another monitoring tool (Prometheus Alertmanager, generic JSON). */
    EXTERNAL;

    /** Whether Pledge checks it itself, from its own network. */
    public boolean probed() {
        return this == HTTP || this == TCP || this == TLS;
    }
}
