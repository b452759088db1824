package io.pledge.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a batch of work on a thread of its own every {@code interval} (zero: never), again at once while
 * a batch comes back full, so that a backlog drains without waiting for the next tick. Started and
 * stopped with the application.
 */
public class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration interval;
    private final Duration firstRun;
    private final int batch;
    private final IntSupplier work;
    private ScheduledExecutorService executor;

    /**
     * @param work does one batch of at most {@code batch} items and says how many it did
     */
    public Poller(String name, Duration interval, int batch, IntSupplier work) {
        this(name, interval, interval, batch, work);
    }

    /**
     * @param firstRun how long after the start the first batch runs (zero: at once)
     * @param work does one batch of at most {@code batch} items and says how many it did
     */
    public Poller(String name, Duration interval, Duration firstRun, int batch, IntSupplier work) {
        this.name = name;
        this.interval = interval;
        this.firstRun = firstRun;
        this.batch = batch;
        this.work = work;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, firstRun.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            while (work.getAsInt() >= batch) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            log.warn("{} failed; next try in {}", name, interval, e);
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
