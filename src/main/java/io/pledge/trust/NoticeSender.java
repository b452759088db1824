package io.pledge.trust;

import io.pledge.core.Failures;
import io.pledge.core.Poller;
import io.pledge.core.Retries;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends subscribers' due notices, each in a transaction of its own that holds its row while it goes out, as
 * escalations' deliveries are sent: claimed with {@code for update skip locked}, so several nodes send each at
 * most once per attempt; a node killed while sending rolls back and leaves it to the next claim. A failure is
 * recorded and tried again after 10 s, 20 s, 40 s … (at most an hour), and after {@value Retries#MAX_ATTEMPTS}
 * attempts the notice is dead, its last error kept.
 */
@Service
public class NoticeSender {

    private final SubscriberNotices notices;
    private final Subscribers subscribers;
    private final TrustPages pages;
    private final NoticeMail mail;
    private final NoticeWebhook webhook;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NoticeSender(
            SubscriberNotices notices,
            Subscribers subscribers,
            TrustPages pages,
            NoticeMail mail,
            NoticeWebhook webhook,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.notices = notices;
        this.subscribers = subscribers;
        this.pages = pages;
        this.mail = mail;
        this.webhook = webhook;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Sends at most {@code limit} due notices; returns how many were claimed. */
    public int sendDue(int limit) {
        int claimed = 0;
        while (claimed < limit && sendOne()) {
            claimed++;
        }
        return claimed;
    }

    private boolean sendOne() {
        Instant now = Timestamps.now(clock);
        UUID[] failing = new UUID[1];
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                List<SubscriberNotice> due = notices.claim(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                SubscriberNotice notice = due.get(0);
                failing[0] = notice.id();
                outcome(notice, deliver(notice, now), now);
                return true;
            }));
        } catch (RuntimeException e) {
            if (failing[0] == null) {
                throw e;
            }
            transactions.executeWithoutResult(status -> notices.claim(failing[0])
                    .ifPresent(notice -> outcome(
                            notice,
                            Failures.describe(e, NoticeWebhook.CONNECT_TIMEOUT, NoticeWebhook.ANSWER_TIMEOUT),
                            now)));
            return true;
        }
    }

    /** Null when delivered, else what went wrong. */
    private String deliver(SubscriberNotice notice, Instant now) {
        Optional<Subscriber> subscriber = subscribers.find(notice.subscriber());
        Optional<TrustPage> page = subscriber.flatMap(s -> pages.find(s.page()));
        if (subscriber.isEmpty() || page.isEmpty()) {
            return "the subscriber or its page no longer exists";
        }
        if (notice.event() == null) {
            return mail.confirmation(notice, subscriber.get(), page.get());
        }
        Optional<SubscriberNotices.Event> event = notices.event(notice.event());
        if (event.isEmpty()) {
            return "the event no longer exists";
        }
        return subscriber.get().kind() == Subscriber.Kind.MAIL
                ? mail.notice(notice, subscriber.get(), event.get())
                : webhook.deliver(notice, subscriber.get(), event.get(), now);
    }

    private void outcome(SubscriberNotice notice, String error, Instant now) {
        int attempts = notice.attempts() + 1;
        if (error == null) {
            notices.sent(notice.id(), attempts, now);
        } else {
            notices.failed(notice.id(), attempts, Retries.next(attempts, now), error);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Schedule {

        /** Sends due notices every {@code pledge.trust.notices.interval} (one second; zero: off), 20 at a time. */
        @Bean
        Poller trustNoticeSender(
                NoticeSender sender, @Value("${pledge.trust.notices.interval:PT1S}") Duration interval) {
            return new Poller("trust-notices", interval, 20, () -> sender.sendDue(20));
        }

        /**
         * Every {@code pledge.trust.notices.scan} (a minute; zero: off): owes the notices of maintenance that
         * appeared or started on a published page, and removes the subscriptions not confirmed in time.
         */
        @Bean
        Poller trustNoticeScan(
                PageNotices notices,
                Subscriptions subscriptions,
                @Value("${pledge.trust.notices.scan:PT60S}") Duration interval) {
            return new Poller("trust-notice-scan", interval, 1, () -> {
                notices.maintenance();
                subscriptions.removeExpired();
                return 0;
            });
        }
    }
}
