package io.pledge.trust;

import io.pledge.core.HttpUrls;
import io.pledge.core.Secrets;
import io.pledge.core.Texts;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitors subscribing to a published trust page's incidents and maintenance (docs/adr/0039), with double
 * opt-in: a request stores an unconfirmed subscriber and owes it a mail with a confirmation link; only the
 * link's token confirms, within {@code pledge.trust.subscriptions.confirm-within} (48 h), after which the
 * request lapses. A webhook is confirmed by its contact address the same way. A request answers the same
 * whether the address was subscribed or not: nothing tells a visitor who else is.
 */
@Service
public class Subscriptions {

    static final int MAX_EMAIL = 320;

    private final Subscribers subscribers;
    private final SubscriberNotices notices;
    private final TrustPages pages;
    private final Clock clock;
    private final Duration confirmWithin;

    Subscriptions(
            Subscribers subscribers,
            SubscriberNotices notices,
            TrustPages pages,
            Clock clock,
            @Value("${pledge.trust.subscriptions.confirm-within:PT48H}") Duration confirmWithin) {
        this.subscribers = subscribers;
        this.notices = notices;
        this.pages = pages;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
    }

    /**
     * What a visitor asks: notices by mail to {@code email}, or by webhook to {@code webhook} confirmed by
     * {@code email}, in {@code language} (en or fr; the page's own when absent).
     */
    public record Request(String email, String webhook, String language) {}

    /** A subscriber and the page it follows. */
    public record Subscription(Subscriber subscriber, TrustPage page) {}

    /** How long a visitor has to confirm. */
    public Duration confirmWithin() {
        return confirmWithin;
    }

    /**
     * Asks for a subscription to a page. A new address or URL is stored unconfirmed and sent a confirmation
     * link; an unconfirmed one is sent a new link (the old one stops working); a confirmed one is left as it
     * is. The caller cannot tell these apart.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400); nothing is stored
     */
    @Transactional
    public void subscribe(TrustPage page, Request request) {
        Violations violations = new Violations();
        String email = email(violations, request.email());
        String webhook = violations.optionalText("webhook", request.webhook(), HttpUrls.MAX_LENGTH);
        if (webhook != null) {
            String problem = HttpUrls.problem(webhook);
            if (problem != null) {
                violations.add("webhook", problem);
            }
        }
        String language = request.language() == null || request.language().isBlank()
                ? page.language()
                : request.language().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("fr")) {
            violations.add("language", "must be en or fr, got \"" + Texts.quoted(language, 20) + "\"");
        }
        violations.throwIfAny();
        Subscriber.Kind kind = webhook == null ? Subscriber.Kind.MAIL : Subscriber.Kind.WEBHOOK;
        String target = kind == Subscriber.Kind.MAIL ? email.toLowerCase(Locale.ROOT) : webhook;
        Instant now = Timestamps.now(clock);
        String token = Secrets.newSecret();
        Optional<Subscriber> existing = subscribers.lock(page.id(), kind, target);
        if (existing.isEmpty()) {
            Subscriber subscriber = new Subscriber(
                    UUID.randomUUID(),
                    page.id(),
                    kind,
                    target,
                    email,
                    webhook,
                    kind == Subscriber.Kind.WEBHOOK ? Secrets.newSecret() : null,
                    language,
                    Secrets.newSecret(),
                    now,
                    now.plus(confirmWithin),
                    null);
            subscribers.add(subscriber, Secrets.sha256(token));
            notices.oweConfirmation(subscriber.id(), token, now);
        } else if (!existing.get().confirmed()) {
            subscribers.renew(existing.get().id(), email, language, Secrets.sha256(token), now.plus(confirmWithin));
            notices.oweConfirmation(existing.get().id(), token, now);
        }
    }

    /** The subscription a confirmation link asks to confirm, while the link is valid. */
    public Optional<Subscription> awaitingConfirmation(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        Instant now = Timestamps.now(clock);
        return subscribers
                .findByConfirmation(Secrets.sha256(token))
                .filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now))
                .flatMap(this::withPage);
    }

    /** Confirms the subscription of a valid link; empty when the link is unknown, used or expired. */
    @Transactional
    public Optional<Subscription> confirm(String token) {
        Optional<Subscription> awaiting = awaitingConfirmation(token);
        awaiting.ifPresent(s -> subscribers.confirm(s.subscriber().id(), Timestamps.now(clock)));
        return awaiting.flatMap(s -> subscribers.find(s.subscriber().id())).flatMap(this::withPage);
    }

    /** The subscription an unsubscribe link ends. */
    public Optional<Subscription> byUnsubscribeLink(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return subscribers.findByUnsubscribe(token).flatMap(this::withPage);
    }

    /** Ends the subscription of an unsubscribe link: its address or URL is removed with its pending notices. */
    @Transactional
    public boolean unsubscribe(String token) {
        if (!plausible(token)) {
            return false;
        }
        return subscribers
                .findByUnsubscribe(token)
                .map(s -> subscribers.remove(s.id()))
                .orElse(false);
    }

    /** Confirmed subscribers of a page by kind. */
    public Map<Subscriber.Kind, Long> counts(UUID page) {
        return subscribers.counts(page);
    }

    /** Removes the requests not confirmed in time; says how many. */
    @Transactional
    public int removeExpired() {
        return subscribers.removeExpired(Timestamps.now(clock));
    }

    private Optional<Subscription> withPage(Subscriber subscriber) {
        return pages.find(subscriber.page()).map(page -> new Subscription(subscriber, page));
    }

    private static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 100;
    }

    /** A plain mail address (no display name), at most 320 characters. */
    private static String email(Violations violations, Object value) {
        String text = violations.text("email", value, MAX_EMAIL);
        if (text == null) {
            return null;
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String domain = text.substring(text.indexOf('@') + 1);
            if (!address.getAddress().equals(text) || !text.contains("@") || !domain.contains(".")) {
                throw new AddressException("not a plain address");
            }
        } catch (AddressException e) {
            violations.add(
                    "email",
                    "must be a mail address such as name@example.com, got \"" + Texts.quoted(text, 100) + "\"");
            return null;
        }
        return text;
    }
}
