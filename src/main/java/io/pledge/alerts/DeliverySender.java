package io.pledge.alerts;

import io.pledge.core.Failures;
import io.pledge.core.Retries;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, each in a transaction of its own that holds its row while it is carried out. A
 * delivery is claimed with {@code for update skip locked}, so several nodes carry out each at most once
 * per attempt; a node killed while sending rolls back and leaves the delivery to the next claim. Success
 * marks it sent; anything else is tried again after 10 s, 20 s, 40 s … (at most an hour), and after
 * {@value Retries#MAX_ATTEMPTS} attempts the delivery is dead until retried through the API.
 */
@Service
public class DeliverySender {

    private final Deliveries deliveries;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Channel http;
    private final Channel mail;
    private final Channel ticketActions;

    DeliverySender(
            Deliveries deliveries,
            Clock clock,
            PlatformTransactionManager transactionManager,
            WebhookChannel http,
            MailChannel mail,
            TicketActions ticketActions) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.http = http;
        this.mail = mail;
        this.ticketActions = ticketActions;
    }

    /** Carries out at most {@code limit} due deliveries; returns how many were claimed. */
    public int sendDue(int limit) {
        int claimed = 0;
        while (claimed < limit && sendOne()) {
            claimed++;
        }
        return claimed;
    }

    /** Claims and carries out one due delivery; false when none is due. */
    private boolean sendOne() {
        Instant now = Timestamps.now(clock);
        UUID[] failing = new UUID[1];
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                List<Delivery> due = deliveries.claim(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                Delivery delivery = due.get(0);
                failing[0] = delivery.id();
                outcome(delivery, channel(delivery).deliver(delivery, now), now);
                return true;
            }));
        } catch (RuntimeException e) {
            if (failing[0] == null) {
                throw e;
            }
            // What the channel changed is rolled back; the attempt is recorded on its own.
            transactions.executeWithoutResult(status -> deliveries
                    .claim(failing[0])
                    .ifPresent(delivery -> outcome(
                            delivery,
                            Failures.describe(e, WebhookChannel.CONNECT_TIMEOUT, WebhookChannel.ANSWER_TIMEOUT),
                            now)));
            return true;
        }
    }

    private void outcome(Delivery delivery, String error, Instant now) {
        int attempts = delivery.attempts() + 1;
        if (error == null) {
            deliveries.sent(delivery.id(), attempts, now);
        } else {
            Instant next = Retries.next(attempts, now);
            deliveries.failed(delivery.id(), attempts, next, error);
        }
    }

    private Channel channel(Delivery delivery) {
        return switch (delivery.action()) {
            case WEBHOOK, CHAT -> http;
            case MAIL -> mail;
            case REASSIGN, RAISE_PRIORITY -> ticketActions;
        };
    }
}
