package io.pledge.core;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Refreshes every module's {@link GaugeSource} as the application starts, then every
 * {@code pledge.metrics.interval} (30 s by default; zero: never), on a thread of its own. A source that
 * fails keeps its last figures and does not stop the others.
 */
@Component
@ConditionalOnWebApplication
class GaugeSchedule extends Poller {

    private static final Logger log = LoggerFactory.getLogger(GaugeSchedule.class);

    GaugeSchedule(List<GaugeSource> sources, @Value("${pledge.metrics.interval:PT30S}") Duration interval) {
        super("pledge-metrics", interval, Duration.ZERO, 1, () -> {
            refresh(sources);
            return 0;
        });
    }

    private static void refresh(List<GaugeSource> sources) {
        for (GaugeSource source : sources) {
            try {
                source.refresh();
            } catch (RuntimeException e) {
                log.warn("{} could not refresh its gauges; they keep their last figures", source, e);
            }
        }
    }
}
