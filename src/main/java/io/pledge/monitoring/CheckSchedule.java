package io.pledge.monitoring;

import io.pledge.core.Poller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Claims due checks every {@code pledge.monitoring.interval} (one second by default; zero turns checking
 * off on this node), again at once while a claim comes back full.
 */
@Component
@ConditionalOnWebApplication
class CheckSchedule extends Poller {

    CheckSchedule(
            CheckScheduler scheduler,
            @Value("${pledge.monitoring.interval:PT1S}") Duration interval,
            @Value("${pledge.monitoring.batch:500}") int batch) {
        super("pledge-monitoring", interval, batch, () -> scheduler.checkDue().claimed());
    }
}
