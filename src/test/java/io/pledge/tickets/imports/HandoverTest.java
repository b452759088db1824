package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over between the thread that checks an import and the one that writes it. */
class HandoverTest {

    private final Handover<String> handover = new Handover<>();

    @Test
    void piecesComeInOrderThenTheEnd() throws Exception {
        CompletableFuture<Void> giver = CompletableFuture.runAsync(() -> {
            try {
                handover.give("first");
                handover.give("second");
                handover.end();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(handover.take()).contains("first");
        assertThat(handover.take()).contains("second");
        assertThat(handover.take()).isEqualTo(Optional.empty());
        giver.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRuntimeFailureIsThrownAsItIs() throws Exception {
        IllegalArgumentException failure = new IllegalArgumentException("bad row");
        handover.fail(failure);

        assertThatThrownBy(handover::take).isSameAs(failure);
    }

    @Test
    void anyOtherFailureIsThrownWrapped() throws Exception {
        IOException failure = new IOException("disk");
        handover.fail(failure);

        assertThatThrownBy(handover::take)
                .isInstanceOf(IllegalStateException.class)
                .hasCause(failure);
    }

    @Test
    void theGiverStopsWaitingOnceTheTakerStops() throws Exception {
        handover.give("taken by nobody");
        CompletableFuture<Void> giver = CompletableFuture.runAsync(() -> {
            try {
                handover.give("never taken");
                handover.end();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        handover.stop();

        giver.get(5, TimeUnit.SECONDS);
        assertThat(handover.stopped()).isTrue();
    }
}
