package io.pledge.tickets.imports;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The threads of imports, shut down with the application: one runs the jobs started through the API one
 * after the other, the others check files and compute their clocks beside the threads that write them.
 */
@Component
class ImportExecutors implements AutoCloseable {

    private final ExecutorService jobs = Executors.newSingleThreadExecutor(daemon("pledge-import"));
    private final ExecutorService checks = Executors.newCachedThreadPool(daemon("pledge-import-checks"));

    /** Runs import jobs in the background, one at a time. */
    ExecutorService jobs() {
        return jobs;
    }

    /** Checks files beside the writes. */
    ExecutorService checks() {
        return checks;
    }

    /** Interrupts what runs: an import stopped half-way stores nothing (its transaction rolls back). */
    @Override
    public void close() {
        jobs.shutdownNow();
        checks.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
