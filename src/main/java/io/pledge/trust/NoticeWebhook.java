package io.pledge.trust;

import io.pledge.core.Failures;
import io.pledge.core.Signatures;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook subscriber's notice: the event's facts as JSON with the notice's id and the subscription's
 * unsubscribe link, POSTed with {@code Idempotency-Key} and signed as every webhook Pledge sends
 * ({@link Signatures}: {@code X-Pledge-Signature} over {@code X-Pledge-Timestamp} and the body, with the
 * subscription's own secret, shown once when it was confirmed). A 2xx answer is delivered. An address that
 * resolves into the loopback, link-local or private ranges is refused unless
 * {@code pledge.trust.subscriptions.private-webhooks} allows it: anyone may subscribe a webhook, and Pledge
 * must not be made to call into its own network.
 */
@Component
class NoticeWebhook {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final NoticeMail mail;
    private final boolean privateAddresses;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    NoticeWebhook(
            NoticeMail mail, @Value("${pledge.trust.subscriptions.private-webhooks:false}") boolean privateAddresses) {
        this.mail = mail;
        this.privateAddresses = privateAddresses;
    }

    /** The body a notice sends: the event's facts, the notice's id and the unsubscribe link. */
    String body(SubscriberNotice notice, Subscriber subscriber, SubscriberNotices.Event event) {
        JsonNode facts = json.readTree(event.payload());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notice.id().toString());
        body.put("event_id", event.id().toString());
        facts.properties().forEach(field -> body.put(field.getKey(), field.getValue()));
        body.put("unsubscribe", mail.unsubscribeLink(subscriber));
        return json.writeValueAsString(body);
    }

    /** Null when delivered, else what went wrong. */
    String deliver(SubscriberNotice notice, Subscriber subscriber, SubscriberNotices.Event event, Instant now) {
        try {
            URI target = URI.create(subscriber.webhookUrl());
            if (!privateAddresses && internal(target.getHost())) {
                return "refused: " + target.getHost() + " is a loopback, link-local or private address";
            }
            String body = body(notice, subscriber, event);
            String timestamp = Long.toString(now.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", notice.id().toString())
                    .header(Signatures.TIMESTAMP_HEADER, timestamp)
                    .header(Signatures.SIGNATURE_HEADER, Signatures.sign(subscriber.webhookSecret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
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

    /** Whether a host resolves to an address of the machine or its private network. */
    static boolean internal(String host) throws UnknownHostException {
        if (host == null) {
            return true;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                return true;
            }
        }
        return false;
    }
}
