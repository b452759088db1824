package io.pledge.alerts;

import io.pledge.core.jdbc.Timestamps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends due deliveries. They are claimed with {@code for update skip locked}, so several nodes send
 * each at most once per attempt; a node killed while sending rolls back and leaves the delivery to the
 * next claim. A 2xx answer is sent; anything else is tried again after 10 s, 20 s, 40 s … (at most an
 * hour), and after {@value #MAX_ATTEMPTS} attempts the delivery is dead until retried through the API.
 * Webhooks are signed like Pledge's own ingest: {@code X-Pledge-Signature: sha256=HMAC(secret,
 * timestamp + "." + body)} with {@code X-Pledge-Timestamp}; every request carries {@code Idempotency-Key}.
 */
@Service
public class DeliverySender {

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final Outbox outbox;
    private final EscalationRules rules;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DeliverySender(Outbox outbox, EscalationRules rules, Clock clock) {
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
    }

    /** Sends at most {@code limit} due deliveries; returns how many were claimed. */
    @Transactional
    public int sendDue(int limit) {
        Instant now = Timestamps.now(clock);
        List<Delivery> due = outbox.claim(now, limit);
        for (Delivery delivery : due) {
            int attempts = delivery.attempts() + 1;
            String error = send(delivery, now);
            if (error == null) {
                outbox.sent(delivery.id(), attempts, now);
            } else {
                Instant next = attempts >= MAX_ATTEMPTS ? null : now.plus(backoff(attempts));
                outbox.failed(delivery.id(), attempts, next, error);
            }
        }
        return due.size();
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Null when delivered, else why not. */
    private String send(Delivery delivery, Instant now) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", delivery.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
            String secret = rules.find(delivery.ruleId(), delivery.ruleVersion())
                    .map(EscalationRule::secret)
                    .orElse(null);
            if (delivery.action() == EscalationRule.Action.WEBHOOK && secret != null) {
                String timestamp = Long.toString(now.getEpochSecond());
                request.header("X-Pledge-Timestamp", timestamp)
                        .header("X-Pledge-Signature", "sha256=" + sign(secret, timestamp, delivery.payload()));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    static String sign(String secret, String timestamp, String body) throws java.security.GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
