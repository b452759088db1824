package io.pledge.monitoring.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.monitoring.uptime.MonitorState.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Confirmation of status changes: checks every minute, "+" passed and "-" failed, in order. */
class ConfirmationsTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                // down after 2, up after 1: DOWN dated at the first failure of the run (minute 2), UP at minute 5.
                Arguments.of(2, 1, "++--+-+", List.of("UP@0", "DOWN@2", "UP@4")),
                Arguments.of(2, 1, "+-+-+-+", List.of("UP@0")),
                // a single success inside a failing run resets it: DOWN dated at minute 3, not 1
                Arguments.of(2, 1, "+-+--", List.of("UP@0", "DOWN@3")),
                // up after 3: flapping successes do not end the downtime; it ends at minute 6
                Arguments.of(1, 3, "+-++-+++", List.of("DOWN@1", "UP@5")),
                // a monitor failing from its first check is DOWN from its first check
                Arguments.of(3, 1, "---", List.of("DOWN@0")),
                // pending until enough successes
                Arguments.of(2, 2, "+", List.of()));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void changesAreDatedAtTheFirstCheckOfTheConfirmingRun(
            int downAfter, int upAfter, String checks, List<String> changes) {
        Confirmations confirmations = new Confirmations(downAfter, upAfter);
        MonitorState state = MonitorState.pending();
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < checks.length(); i++) {
            Confirmations.Step step = confirmations.apply(state, checks.charAt(i) == '+', start.plusSeconds(60L * i));
            if (step.change() != null) {
                seen.add(
                        step.change().to() + "@" + (step.change().at().getEpochSecond() - start.getEpochSecond()) / 60);
            }
            state = step.state();
        }
        assertThat(seen).isEqualTo(changes);
        if (!changes.isEmpty()) {
            assertThat(state.status().name())
                    .isEqualTo(changes.get(changes.size() - 1).split("@")[0]);
        } else {
            assertThat(state.status()).isIn(Status.PENDING, Status.UP);
        }
    }
}
