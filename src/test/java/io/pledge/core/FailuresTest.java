package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Delivery failures in words, from real failed connections on loopback. */
class FailuresTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);

    @Test
    void aClosedPortIsAConnectionRefused() throws Exception {
        int closed = closedPort();
        Throwable failure = catchThrowable(() -> HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()));

        assertThat(failure).isNotNull();
        assertThat(Failures.describe(failure, CONNECT, Duration.ofSeconds(10))).isEqualTo("connection refused");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Throwable failure = catchThrowable(() -> HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()));
            accepting.interrupt();

            assertThat(Failures.describe(failure, CONNECT, Duration.ofSeconds(1)))
                    .isEqualTo("timed out after 1 s");
        }
    }

    @Test
    void aMailServerThatIsNotThereIsAConnectionRefused() throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(closedPort());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("pledge@msp.example");
        message.setTo("duty@msp.example");
        message.setText("x");

        Throwable failure = catchThrowable(() -> smtp.send(message));

        assertThat(failure).isNotNull();
        assertThat(Failures.describe(failure, CONNECT, Duration.ofSeconds(10))).isEqualTo("connection refused");
    }

    @Test
    void anHttpAnswerSaysItsReason() {
        assertThat(Failures.status(503)).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(Failures.status(404)).isEqualTo("HTTP 404 Not Found");
        assertThat(Failures.status(599)).isEqualTo("HTTP 599");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
