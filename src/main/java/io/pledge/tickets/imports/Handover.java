package io.pledge.tickets.imports;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands work from one thread to another, one piece at a time: the giver waits while the piece before is
 * taken, then ends, or fails with what went wrong. The taker gets each piece, then the end, or the
 * giver's failure thrown on its own thread. Once the taker stops, the giver stops waiting.
 *
 * @param <T> what is handed over
 */
final class Handover<T> {

    private sealed interface Message<T> permits Piece, End, Failure {}

    private record Piece<T>(T value) implements Message<T> {}

    private record End<T>() implements Message<T> {}

    private record Failure<T>(Throwable cause) implements Message<T> {}

    /** One piece waits while one is worked on by each side. */
    private final BlockingQueue<Message<T>> queue = new ArrayBlockingQueue<>(1);

    private volatile boolean stopped;

    /** Hands a piece over once the one before is taken; nothing when the taker has stopped. */
    void give(T piece) throws InterruptedException {
        put(new Piece<>(piece));
    }

    /** Says that nothing more comes. */
    void end() throws InterruptedException {
        put(new End<>());
    }

    /** Hands over what went wrong instead of what comes next: the taker throws it. */
    void fail(Throwable cause) throws InterruptedException {
        put(new Failure<>(cause));
    }

    /** Set once the taker takes nothing more: the giver's work can end early. */
    boolean stopped() {
        return stopped;
    }

    /** The taker takes nothing more (it does not interrupt the giver). */
    void stop() {
        stopped = true;
    }

    /**
     * The next piece, waiting for it; empty at the end.
     *
     * @throws RuntimeException the giver's failure, or an {@link IllegalStateException} wrapping it
     */
    Optional<T> take() {
        Message<T> next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        if (next instanceof Piece<T> piece) {
            return Optional.of(piece.value());
        }
        if (next instanceof Failure<T> failure) {
            if (failure.cause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("checking the file failed", failure.cause());
        }
        return Optional.empty();
    }

    private void put(Message<T> message) throws InterruptedException {
        while (!stopped && !queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
            // Waiting for the taker to take the piece before.
        }
    }
}
