package io.pledge.tickets;

import io.pledge.core.Poller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Looks for due thresholds every {@code pledge.firing.interval} (one second by default, so that a
 * threshold fires within seconds of its instant; zero turns it off), 500 tickets at a time.
 */
@Component
@ConditionalOnWebApplication
class FiringSchedule extends Poller {

    FiringSchedule(ThresholdFiring firing, @Value("${pledge.firing.interval:PT1S}") Duration interval) {
        super("pledge-firing", interval, 500, () -> firing.fireDue(500));
    }
}
