package io.pledge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit: callers hand items in and wait; one writer thread takes the first item waiting and every
 * item behind it, up to a total weight, and writes them together. Each caller is answered only once its
 * group is written (or failed), so nothing acknowledged is lost. When nothing else waits, a group is a
 * single item: nothing waits for a group to fill.
 *
 * <p>Started and stopped with the application. It stops after the web server has stopped taking
 * requests, and it drains: what was handed in before the stop is written; what is handed in after it is
 * refused at once ({@link IllegalStateException}, nothing written).
 *
 * @param <T> what callers hand in
 * @param <R> what each caller gets back
 */
public final class GroupCommit<T, R> implements SmartLifecycle {

    /** Stops after the web server's graceful shutdown (a lower phase stops later), while the database is up. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private static final long STOP_WAIT_SECONDS = 30;

    /** Writes one group: completes or fails every item of it (an item left open fails as not written). */
    @FunctionalInterface
    public interface Writer<T, R> {

        /**
         * @param waiting the items handed in behind this group, for a failure that dooms them too (a
         *     database out of reach): {@link Waiting#failAll} answers them at once instead of one by one
         */
        void write(List<Pending<T, R>> group, Waiting waiting);
    }

    /** The items waiting behind the group being written. */
    public interface Waiting {

        /** Fails every item waiting now; how many. */
        int failAll(Throwable cause);
    }

    /** One item handed in, and the caller waiting for its result. */
    public static final class Pending<T, R> {

        private final T item;
        private final CompletableFuture<R> result = new CompletableFuture<>();

        public Pending(T item) {
            this.item = item;
        }

        public T item() {
            return item;
        }

        public void complete(R value) {
            result.complete(value);
        }

        public void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }

        public boolean isDone() {
            return result.isDone();
        }

        /** The result, once written; the writer's exception when it failed. */
        public R await() {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the group to be written", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private final String name;
    private final int maxWeight;
    private final ToIntFunction<T> weight;
    private final Writer<T, R> writer;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean accepting;

    /**
     * @param name the writer thread's name
     * @param maxWeight the most a group weighs (an item heavier than it is a group of its own)
     * @param weight what one item weighs
     */
    public GroupCommit(String name, int maxWeight, ToIntFunction<T> weight, Writer<T, R> writer) {
        this.name = name;
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.writer = writer;
    }

    /** Hands an item in and waits until its group is written. */
    public R submit(T item) {
        return enqueue(item).await();
    }

    /** Hands an item in; the caller awaits it. Refused when stopped. */
    public Pending<T, R> enqueue(T item) {
        Pending<T, R> pending = new Pending<>(java.util.Objects.requireNonNull(item, "item"));
        synchronized (lifecycle) {
            if (!accepting) {
                throw refused();
            }
            // Under the lock, so that the writer's last look at the queue comes after it.
            queue.add(pending);
        }
        return pending;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (thread != null) {
                return;
            }
            accepting = true;
            // A wake-up left by an earlier stop would end the new writer at once.
            queue.removeIf(pending -> pending.item() == null);
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Refuses new items, writes those handed in already, and waits for the writer to finish. */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            accepting = false;
            stopping = thread;
            thread = null;
            if (stopping != null) {
                // Wakes the writer should it wait on an empty queue; nothing can be handed in behind it.
                queue.add(new Pending<>(null));
            }
        }
        if (stopping == null) {
            return;
        }
        try {
            stopping.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.warn("{} still writing after {} s; stopping it", name, STOP_WAIT_SECONDS);
            stopping.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return thread != null;
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        List<Pending<T, R>> group = new ArrayList<>();
        try {
            while (true) {
                Pending<T, R> first = queue.take();
                if (first.item() == null) {
                    // The stop's wake-up: everything handed in before it is written.
                    if (queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                group.add(first);
                int total = weight.applyAsInt(first.item());
                for (Pending<T, R> next = queue.peek(); next != null && next.item() != null; next = queue.peek()) {
                    int more = weight.applyAsInt(next.item());
                    if (total + more > maxWeight) {
                        break;
                    }
                    group.add(queue.poll());
                    total += more;
                }
                write(group);
                group.clear();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            group.forEach(pending -> pending.fail(refused()));
            failAll(refused());
        }
    }

    private void write(List<Pending<T, R>> group) {
        try {
            writer.write(group, this::failAll);
        } catch (RuntimeException | Error e) {
            log.warn("{}: writing a group of {} failed", name, group.size(), e);
            group.forEach(pending -> pending.fail(e));
        } finally {
            IllegalStateException notWritten = new IllegalStateException("the request was not stored");
            group.forEach(pending -> pending.fail(notWritten));
        }
    }

    private int failAll(Throwable cause) {
        int failed = 0;
        for (Pending<T, R> next = queue.poll(); next != null; next = queue.poll()) {
            if (next.item() == null) {
                // Keeps the stop's wake-up for the writer.
                queue.add(next);
                break;
            }
            next.fail(cause);
            failed++;
        }
        return failed;
    }

    private static IllegalStateException refused() {
        return new IllegalStateException("Pledge is shutting down; nothing was stored");
    }
}
