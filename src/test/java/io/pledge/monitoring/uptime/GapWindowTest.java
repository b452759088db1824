package io.pledge.monitoring.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telling a node's own blindness from its clients' failures, over a sliding window of its checks. */
class GapWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static List<GapWindow.Check> round(int second, boolean... outcomes) {
        List<GapWindow.Check> checks = new ArrayList<>();
        for (boolean ok : outcomes) {
            checks.add(new GapWindow.Check(T0.plusSeconds(second), ok));
        }
        return checks;
    }

    @Test
    void aSmallFleetsFailuresAddUpOverTheWindow() {
        // Three monitors every 10 s: no round ever holds five checks.
        GapWindow window = new GapWindow(Duration.ofSeconds(30), 5, 0.8);
        assertThat(window.add(round(0, true, true, true)).blind()).isFalse();
        assertThat(window.add(round(10, false, false, false)).blind()).isFalse();
        GapWindow.Verdict blind = window.add(round(20, false, false, false));
        assertThat(blind.blind()).isTrue();
        assertThat(blind.since()).isEqualTo(T0.plusSeconds(10));
        // The longest failing stretch: six failures and three successes is not 80 %; six of six is.
        assertThat(blind.checks()).isEqualTo(6);
        assertThat(blind.failures()).isEqualTo(6);
    }

    @Test
    void theSameRoundsJudgedOneByOneAreNeverAGap() {
        GapWindow rounds = new GapWindow(Duration.ZERO, 5, 0.8);
        assertThat(rounds.add(round(10, false, false, false)).blind()).isFalse();
        assertThat(rounds.add(round(20, false, false, false)).blind()).isFalse();
        // A round of its own with enough failures still is one.
        assertThat(rounds.add(round(30, false, false, false, false, true)).blind())
                .isTrue();
    }

    @Test
    void checksOlderThanTheWindowLeaveIt() {
        GapWindow window = new GapWindow(Duration.ofSeconds(30), 5, 0.8);
        window.add(round(0, false, false, false, false));
        // 30 s later the first round has left the window: one failure alone is a system's own.
        assertThat(window.add(round(30, false)).blind()).isFalse();
        assertThat(window.add(round(40, false, false, false)).blind()).isFalse();
        assertThat(window.add(round(45, false)).blind()).isTrue();
    }

    @Test
    void oneSystemDownAmongHealthyOnesIsNoGap() {
        GapWindow window = new GapWindow(Duration.ofSeconds(30), 5, 0.8);
        for (int second = 0; second < 60; second++) {
            GapWindow.Verdict verdict = window.add(round(second, second % 2 == 0, true, true, second % 3 != 0));
            assertThat(verdict.blind()).as("second %d", second).isFalse();
        }
    }

    @Test
    void aRoundThatPassedIsNeverBlindAndRecoveryEndsTheGap() {
        GapWindow window = new GapWindow(Duration.ofSeconds(30), 5, 0.8);
        assertThat(window.add(round(0, false, false, false, false, false)).blind())
                .isTrue();
        assertThat(window.add(round(1, true)).blind()).isFalse();
        // A failure right after one success: six of the last seven failed, blind since the first of them.
        GapWindow.Verdict stillBlind = window.add(round(2, false));
        assertThat(stillBlind.blind()).isTrue();
        assertThat(stillBlind.since()).isEqualTo(T0);
        for (int second = 3; second < 10; second++) {
            window.add(round(second, true, true, true));
        }
        assertThat(window.add(round(10, false)).blind()).isFalse();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new GapWindow(Duration.ofSeconds(-1), 5, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GapWindow(Duration.ofSeconds(30), 0, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GapWindow(Duration.ofSeconds(30), 5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GapWindow(Duration.ofSeconds(30), 5, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
