package io.pledge.tickets;

import java.time.Duration;
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
 * Polls for due thresholds every {@code pledge.firing.interval} (one second by default, so that a
 * threshold fires within seconds of its instant; zero turns polling off), 500 tickets at a time until
 * none is due.
 */
@Component
@ConditionalOnWebApplication
class FiringSchedule implements SmartLifecycle {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(FiringSchedule.class);

    private final ThresholdFiring firing;
    private final Duration interval;
    private ScheduledExecutorService executor;

    FiringSchedule(ThresholdFiring firing, @Value("${pledge.firing.interval:PT1S}") Duration interval) {
        this.firing = firing;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pledge-firing");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            while (firing.fireDue(BATCH) == BATCH) {
                // More are due: go on at once.
            }
        } catch (RuntimeException e) {
            log.warn("Firing due thresholds failed; next try in {}", interval, e);
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
