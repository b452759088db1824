package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit: items waiting behind a group are written together up to the group's weight, each caller
 * gets its own result once its group is written, a failing group fails all its callers and only them, and
 * a stop writes what was handed in and refuses what comes after.
 */
class GroupCommitTest {

    /** Groups written, in order, each as the items it held. */
    private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstTaken = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<String, String> commit;

    @AfterEach
    void stop() {
        release.countDown();
        if (commit != null) {
            commit.stop();
        }
        callers.shutdownNow();
    }

    /** Writes each group as its items upper-cased; the group of "hold" waits for {@link #release}. */
    private GroupCommit<String, String> started(int maxWeight) {
        commit = new GroupCommit<>("test-writer", maxWeight, String::length, (group, waiting) -> {
            List<String> items = group.stream().map(GroupCommit.Pending::item).toList();
            if (items.contains("hold")) {
                firstTaken.countDown();
                await(release);
            }
            written.add(items);
            if (items.contains("boom")) {
                throw new IllegalStateException("the group's transaction failed");
            }
            group.forEach(pending -> pending.complete(pending.item().toUpperCase()));
        });
        commit.start();
        return commit;
    }

    @Test
    void aLoneItemIsWrittenAtOnceAsAGroupOfOne() {
        started(100);

        assertThat(commit.submit("one")).isEqualTo("ONE");
        assertThat(written).containsExactly(List.of("one"));
    }

    @Test
    void itemsWaitingBehindAGroupAreWrittenTogetherUpToTheWeight() throws Exception {
        started(10);
        Future<String> hold = callers.submit(() -> commit.submit("hold"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        // Weights 3 + 3 + 3 fit in 10; the fourth (3 more) starts the next group.
        List<GroupCommit.Pending<String, String>> waiting =
                List.of(commit.enqueue("abc"), commit.enqueue("def"), commit.enqueue("ghi"), commit.enqueue("jkl"));
        release.countDown();

        assertThat(hold.get(5, TimeUnit.SECONDS)).isEqualTo("HOLD");
        assertThat(waiting).extracting(GroupCommit.Pending::await).containsExactly("ABC", "DEF", "GHI", "JKL");
        assertThat(written).containsExactly(List.of("hold"), List.of("abc", "def", "ghi"), List.of("jkl"));
    }

    @Test
    void anItemHeavierThanAGroupIsAGroupOfItsOwn() {
        started(2);

        assertThat(commit.submit("heavy")).isEqualTo("HEAVY");
        assertThat(written).containsExactly(List.of("heavy"));
    }

    @Test
    void aFailingGroupFailsEveryOneOfItsCallersAndOnlyThem() throws Exception {
        started(100);
        Future<String> hold = callers.submit(() -> commit.submit("hold"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        var first = commit.enqueue("a");
        var failing = commit.enqueue("boom");
        release.countDown();
        hold.get(5, TimeUnit.SECONDS);

        assertThatThrownBy(first::await).hasMessage("the group's transaction failed");
        assertThatThrownBy(failing::await).hasMessage("the group's transaction failed");
        // The writer goes on with the next group.
        assertThat(commit.submit("after")).isEqualTo("AFTER");
    }

    @Test
    void anItemTheWriterLeavesOpenFailsAsNotStored() {
        commit = new GroupCommit<>("test-writer", 100, String::length, (group, waiting) -> {});
        commit.start();

        assertThatThrownBy(() -> commit.submit("forgotten"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the request was not stored");
    }

    @Test
    void theWriterMayFailEveryItemWaitingBehindItsGroup() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        // Read after the callers are failed, so it is handed over rather than shared.
        CompletableFuture<Integer> failedBehind = new CompletableFuture<>();
        commit = new GroupCommit<>("test-writer", 1, item -> 1, (group, waiting) -> {
            taken.countDown();
            await(queued);
            IllegalStateException outage = new IllegalStateException("database unreachable");
            group.forEach(pending -> pending.fail(outage));
            failedBehind.complete(waiting.failAll(outage));
        });
        commit.start();
        var first = commit.enqueue("first");
        assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
        var second = commit.enqueue("second");
        var third = commit.enqueue("third");
        queued.countDown();

        assertThatThrownBy(first::await).hasMessage("database unreachable");
        assertThatThrownBy(second::await).hasMessage("database unreachable");
        assertThatThrownBy(third::await).hasMessage("database unreachable");
        assertThat(failedBehind.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aStopWritesWhatWasHandedInAndRefusesWhatComesAfter() throws Exception {
        started(3);
        Future<String> hold = callers.submit(() -> commit.submit("hold"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        var handedIn = commit.enqueue("abc");
        Future<?> stopping = callers.submit((Runnable) commit::stop);
        while (commit.isRunning()) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> commit.enqueue("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Pledge is shutting down; nothing was stored");
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        // Nothing handed in before the stop is lost.
        assertThat(hold.get()).isEqualTo("HOLD");
        assertThat(handedIn.await()).isEqualTo("ABC");
        assertThat(written).containsExactly(List.of("hold"), List.of("abc"));
    }

    @Test
    void notStartedRefuses() {
        commit = new GroupCommit<>("test-writer", 1, item -> 1, (group, waiting) -> {});

        assertThatThrownBy(() -> commit.submit("early"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Pledge is shutting down; nothing was stored");
    }

    @Test
    void startsAgainAfterAStop() {
        started(100);
        commit.stop();
        commit.start();

        assertThat(commit.submit("again")).isEqualTo("AGAIN");
    }

    @Test
    void manyCallersEachGetTheirOwnResult() throws Exception {
        started(16);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String item = "i" + i;
            results.add(callers.submit(() -> commit.submit(item)));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("I" + i);
        }
        assertThat(written.stream().mapToInt(List::size).sum()).isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
