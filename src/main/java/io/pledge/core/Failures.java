package io.pledge.core;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailSendException;

/**
 * What went wrong with a delivery, in words an operator acts on ({@code connection refused},
 * {@code timed out after 10 s}, {@code HTTP 503 Service Unavailable}) rather than an exception's class and a
 * null message.
 */
public final class Failures {

    private Failures() {}

    /** An HTTP answer that is not a success: its code and reason. */
    public static String status(int code) {
        HttpStatus known = HttpStatus.resolve(code);
        return "HTTP " + code + (known == null ? "" : " " + known.getReasonPhrase());
    }

    /**
     * The cause of a failure, looked for along its chain of causes.
     *
     * @param connect how long a connection may take
     * @param answer how long the whole exchange may take
     */
    public static String describe(Throwable failure, Duration connect, Duration answer) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (cause instanceof HttpConnectTimeoutException) {
                return "connection timed out after " + seconds(connect);
            }
            if (cause instanceof HttpTimeoutException) {
                return "timed out after " + seconds(answer);
            }
            if (cause instanceof SocketTimeoutException) {
                return lower.contains("connect")
                        ? "connection timed out after " + seconds(connect)
                        : "timed out after " + seconds(answer);
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof ConnectException) {
                if (lower.contains("timed out")) {
                    return "connection timed out after " + seconds(connect);
                }
                if (message.isEmpty() || lower.contains("refused")) {
                    return "connection refused";
                }
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host" + (message.isEmpty() ? "" : " " + message);
            }
            if (cause instanceof SSLException) {
                return "TLS failed" + (message.isEmpty() ? "" : ": " + message);
            }
        }
        Throwable root = failure;
        seen.clear();
        while (next(root) != null && seen.add(root)) {
            root = next(root);
        }
        String message = failure.getMessage() != null ? failure.getMessage() : root.getMessage();
        return message == null || message.isBlank() ? words(failure) : message;
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof MailSendException send
                && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause();
    }

    /** {@code ClosedChannelException} as "closed channel". */
    private static String words(Throwable failure) {
        String name = failure.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
