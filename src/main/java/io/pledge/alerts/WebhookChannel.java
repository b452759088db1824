package io.pledge.alerts;

import io.pledge.core.Failures;
import io.pledge.core.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * WEBHOOK and CHAT deliveries: a JSON POST with {@code Idempotency-Key}; a 2xx answer is delivered.
 * Webhooks are signed like Pledge's own ingest: {@code X-Pledge-Signature: sha256=HMAC(secret, timestamp
 * + "." + body)} with {@code X-Pledge-Timestamp}.
 */
@Component
class WebhookChannel implements Channel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final EscalationRules rules;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    WebhookChannel(EscalationRules rules) {
        this.rules = rules;
    }

    @Override
    public String deliver(Delivery delivery, Instant now) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", delivery.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
            String secret = rules.find(delivery.ruleId(), delivery.ruleVersion())
                    .map(EscalationRule::secret)
                    .orElse(null);
            if (delivery.action() == EscalationRule.Action.WEBHOOK && secret != null) {
                String timestamp = Long.toString(now.getEpochSecond());
                request.header(Signatures.TIMESTAMP_HEADER, timestamp)
                        .header(Signatures.SIGNATURE_HEADER, Signatures.sign(secret, timestamp, delivery.payload()));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : Failures.status(response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IllegalArgumentException e) {
            return "invalid target: " + e.getMessage();
        } catch (Exception e) {
            return Failures.describe(e, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        }
    }
}
