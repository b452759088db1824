package io.pledge.alerts;

import io.pledge.core.Poller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Sends due deliveries every {@code pledge.delivery.interval} (one second by default; zero: off), 20 at a time. */
@Component
@ConditionalOnWebApplication
class DeliverySchedule extends Poller {

    DeliverySchedule(DeliverySender sender, @Value("${pledge.delivery.interval:PT1S}") Duration interval) {
        super("pledge-delivery", interval, 20, () -> sender.sendDue(20));
    }
}
