package io.pledge.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Refreshes every module's {@link GaugeSource} as the application starts, then every
 * {@code pledge.metrics.interval} (30 s by default; zero: never), on a thread of its own. A source that
 * fails keeps its last figures and does not stop the others.
 */
@Component
@ConditionalOnWebApplication
class GaugeSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GaugeSchedule.class);

    private final List<GaugeSource> sources;
    private final Duration interval;
    private ScheduledExecutorService executor;

    GaugeSchedule(List<GaugeSource> sources, @Value("${pledge.metrics.interval:PT30S}") Duration interval) {
        this.sources = sources;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pledge-metrics");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        for (GaugeSource source : sources) {
            try {
                source.refresh();
            } catch (RuntimeException e) {
                log.warn("{} could not refresh its gauges; they keep their last figures", source, e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
