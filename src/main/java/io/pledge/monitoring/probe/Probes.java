package io.pledge.monitoring.probe;

import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.MonitorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a system from Pledge's network: an HTTP(S) request, a TCP connection or a TLS handshake, each
 * bounded by the monitor's timeout. Never throws: every failure is a failed {@link ProbeResult} saying
 * why.
 */
public final class Probes {

    /** Bodies are read up to this size for the keyword. */
    static final int MAX_BODY = 1 << 20;

    private final Clock clock;
    private final ConcurrentMap<String, HttpClient> clients = new ConcurrentHashMap<>();

    public Probes(Clock clock) {
        this.clock = clock;
    }

    public ProbeResult check(MonitorKind kind, MonitorSettings settings, Duration timeout) {
        long started = System.nanoTime();
        try {
            return switch (kind) {
                case HTTP -> http(settings, timeout, started);
                case TCP -> tcp(settings, timeout, started);
                case TLS -> tls(settings, timeout, started);
                default -> throw new IllegalArgumentException(kind + " monitors are not probed");
            };
        } catch (HttpTimeoutException | java.net.SocketTimeoutException e) {
            return ProbeResult.failed(since(started), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return ProbeResult.failed(since(started), describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed(since(started), "interrupted");
        }
    }

    private ProbeResult http(MonitorSettings settings, Duration timeout, long started)
            throws IOException, InterruptedException {
        boolean follow = !Boolean.FALSE.equals(settings.followRedirects());
        boolean verify = !Boolean.FALSE.equals(settings.verifyTls());
        HttpClient client = clients.computeIfAbsent(follow + "/" + verify, key -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(follow ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
            if (!verify) {
                builder.sslContext(trustingContext());
            }
            return builder.build();
        });
        String method = settings.method() == null ? "GET" : settings.method().toUpperCase(Locale.ROOT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(timeout)
                .header("User-Agent", "Pledge-Monitor/1")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream in = response.body()) {
            body = settings.keyword() == null ? drain(in) : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
        Duration latency = since(started);
        int status = response.statusCode();
        int min = settings.statusMin() == null ? 200 : settings.statusMin();
        int max = settings.statusMax() == null ? 299 : settings.statusMax();
        if (status < min || status > max) {
            return ProbeResult.failed(latency, "status " + status + " outside " + min + "-" + max);
        }
        if (settings.keyword() != null) {
            boolean found = body.contains(settings.keyword());
            boolean absent = Boolean.TRUE.equals(settings.keywordAbsent());
            if (found == absent) {
                return ProbeResult.failed(
                        latency, "keyword \"" + settings.keyword() + "\" " + (absent ? "present" : "missing"));
            }
        }
        if (settings.maxLatency() != null && latency.compareTo(settings.maxLatency()) > 0) {
            return ProbeResult.failed(
                    latency,
                    "answered in " + latency.toMillis() + " ms, over "
                            + settings.maxLatency().toMillis() + " ms");
        }
        return ProbeResult.passed(latency);
    }

    private static String drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return "";
    }

    private static ProbeResult tcp(MonitorSettings settings, Duration timeout, long started) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), millis(timeout));
        }
        return ProbeResult.passed(since(started));
    }

    private ProbeResult tls(MonitorSettings settings, Duration timeout, long started)
            throws IOException, GeneralSecurityException {
        boolean verify = !Boolean.FALSE.equals(settings.verifyTls());
        SSLContext context = verify ? SSLContext.getDefault() : trustingContext();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), millis(timeout));
            plain.setSoTimeout(millis(timeout));
            try (SSLSocket socket = (SSLSocket)
                    context.getSocketFactory().createSocket(plain, settings.host(), settings.port(), false)) {
                if (verify) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                Instant expires = ((X509Certificate) chain[0]).getNotAfter().toInstant();
                Duration latency = since(started);
                Instant now = clock.instant();
                int warnDays = settings.warnDays() == null ? 14 : settings.warnDays();
                if (!expires.isAfter(now)) {
                    return ProbeResult.failed(latency, "certificate expired at " + expires);
                }
                if (expires.isBefore(now.plus(Duration.ofDays(warnDays)))) {
                    return ProbeResult.failed(
                            latency, "certificate expires at " + expires + ", within " + warnDays + " days");
                }
                return ProbeResult.passed(latency);
            }
        }
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** A TLS context that accepts any certificate and host name: for monitors with verification off. */
    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustingManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trusts every chain. As an extended trust manager it also takes over host name checking (and
     * skips it), which the JDK's HTTP client otherwise does on its own.
     */
    private static final class TrustingManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
