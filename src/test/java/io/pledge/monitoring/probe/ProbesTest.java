package io.pledge.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.monitoring.MonitorKind;
import io.pledge.monitoring.MonitorSettings;
import io.pledge.monitoring.Targets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probes against real servers on loopback: HTTP, HTTPS, TCP and TLS, switched up and down. */
class ProbesTest {

    static SSLContext shortLived;
    static Targets.Web web;
    static Targets.Web secure;
    static Targets.Tls tls;
    final Probes probes = new Probes(Clock.systemUTC());

    @BeforeAll
    static void servers() throws Exception {
        shortLived = Targets.selfSigned(3);
        web = Targets.Web.http();
        secure = Targets.Web.https(shortLived);
        tls = new Targets.Tls(shortLived);
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
        secure.close();
        tls.close();
    }

    static MonitorSettings http(String url) {
        return http(url, null, null, null, null, true, true);
    }

    static MonitorSettings http(
            String url,
            String expected,
            String keyword,
            Boolean absent,
            Duration maxLatency,
            boolean follow,
            boolean verify) {
        int low = expected == null ? 200 : Integer.parseInt(expected.split("-")[0]);
        int high = expected == null ? 299 : Integer.parseInt(expected.split("-")[1]);
        return MonitorSettings.http(url, "GET", low, high, keyword, absent, maxLatency, follow, verify);
    }

    static MonitorSettings tcpOn(int port) {
        return MonitorSettings.tcp("localhost", port);
    }

    static MonitorSettings tlsOn(int port, int warnDays, boolean verify) {
        return MonitorSettings.tls("localhost", port, verify, warnDays);
    }

    ProbeResult check(MonitorKind kind, MonitorSettings settings) {
        return probes.check(kind, settings, Duration.ofSeconds(2));
    }

    @Test
    void httpPassesInsideTheExpectedStatusRangeOnly() {
        web.status.set(200);
        assertThat(check(MonitorKind.HTTP, http(web.url("/"))).ok()).isTrue();
        web.status.set(503);
        ProbeResult down = check(MonitorKind.HTTP, http(web.url("/")));
        assertThat(down.ok()).isFalse();
        assertThat(down.error()).isEqualTo("status 503 outside 200-299");
        assertThat(check(MonitorKind.HTTP, http(web.url("/"), "500-599", null, null, null, true, true))
                        .ok())
                .isTrue();
        web.status.set(200);
    }

    @Test
    void httpChecksKeywordsPresentAndAbsent() {
        web.body.set("status: all good");
        assertThat(check(MonitorKind.HTTP, http(web.url("/"), null, "all good", false, null, true, true))
                        .ok())
                .isTrue();
        ProbeResult missing = check(MonitorKind.HTTP, http(web.url("/"), null, "operational", false, null, true, true));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.error()).contains("keyword \"operational\" missing");
        web.body.set("status: maintenance error");
        ProbeResult present = check(MonitorKind.HTTP, http(web.url("/"), null, "error", true, null, true, true));
        assertThat(present.ok()).isFalse();
        assertThat(present.error()).contains("present");
        web.body.set("status: all good");
        assertThat(check(MonitorKind.HTTP, http(web.url("/"), null, "error", true, null, true, true))
                        .ok())
                .isTrue();
    }

    @Test
    void redirectsAreFollowedOrJudgedAsTheyAre() {
        assertThat(check(MonitorKind.HTTP, http(web.url("/moved"))).ok()).isTrue();
        ProbeResult notFollowed = check(MonitorKind.HTTP, http(web.url("/moved"), null, null, null, null, false, true));
        assertThat(notFollowed.ok()).isFalse();
        assertThat(notFollowed.error()).contains("302");
        assertThat(check(MonitorKind.HTTP, http(web.url("/moved"), "300-399", null, null, null, false, true))
                        .ok())
                .isTrue();
    }

    @Test
    void slowAnswersFailTheLatencyLimitAndTimeOut() {
        web.delayMillis.set(300);
        try {
            ProbeResult slow =
                    check(MonitorKind.HTTP, http(web.url("/"), null, null, null, Duration.ofMillis(100), true, true));
            assertThat(slow.ok()).isFalse();
            assertThat(slow.error()).contains("over 100 ms");
            assertThat(slow.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            ProbeResult timedOut = probes.check(MonitorKind.HTTP, http(web.url("/")), Duration.ofMillis(100));
            assertThat(timedOut.ok()).isFalse();
            assertThat(timedOut.error()).contains("timed out");
        } finally {
            web.delayMillis.set(0);
        }
    }

    @Test
    void httpsVerifiesTheCertificateUnlessTurnedOff() {
        ProbeResult verified = check(MonitorKind.HTTP, http(secure.url("/")));
        assertThat(verified.ok()).isFalse();
        assertThat(verified.error()).containsIgnoringCase("certif");
        assertThat(check(MonitorKind.HTTP, http(secure.url("/"), null, null, null, null, true, false))
                        .ok())
                .isTrue();
    }

    @Test
    void tcpFollowsTheListenerUpAndDown() throws Exception {
        try (Targets.Tcp server = new Targets.Tcp()) {
            MonitorSettings target = tcpOn(server.port());
            assertThat(check(MonitorKind.TCP, target).ok()).isTrue();
            server.down();
            ProbeResult down = check(MonitorKind.TCP, target);
            assertThat(down.ok()).isFalse();
            assertThat(down.error()).containsIgnoringCase("refused");
            server.up();
            assertThat(check(MonitorKind.TCP, target).ok()).isTrue();
        }
    }

    @Test
    void tlsFailsWhenTheCertificateExpiresWithinTheWarningDays() {
        // The certificate is valid for 3 days.
        ProbeResult soon = check(MonitorKind.TLS, tlsOn(tls.port(), 14, false));
        assertThat(soon.ok()).isFalse();
        assertThat(soon.error()).contains("within 14 days");
        assertThat(check(MonitorKind.TLS, tlsOn(tls.port(), 2, false)).ok()).isTrue();
        // Moved four days on, it has expired.
        Probes later = new Probes(Clock.offset(Clock.systemUTC(), Duration.ofDays(4)));
        ProbeResult expired = later.check(MonitorKind.TLS, tlsOn(tls.port(), 2, false), Duration.ofSeconds(2));
        assertThat(expired.ok()).isFalse();
        assertThat(expired.error()).contains("expired");
    }

    @Test
    void tlsVerifiesTheChainUnlessTurnedOff() {
        ProbeResult untrusted = check(MonitorKind.TLS, tlsOn(tls.port(), 0, true));
        assertThat(untrusted.ok()).isFalse();
        assertThat(untrusted.error()).containsIgnoringCase("certif");
    }

    @Test
    void unreachableHostsFailWithTheReason() throws Exception {
        int closed = Targets.closedPort();
        ProbeResult refused = check(MonitorKind.HTTP, http("http://127.0.0.1:" + closed + "/"));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).isNotBlank();
        assertThat(Map.of("error", refused.error())).isNotEmpty();
    }
}
