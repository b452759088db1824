package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link SlaClock} in the domain's words: {@code assertThatClock(c).breachesAt(…)}. */
final class ClockAssert extends AbstractAssert<ClockAssert, SlaClock> {

    private ClockAssert(SlaClock clock) {
        super(clock, ClockAssert.class);
    }

    static ClockAssert assertThatClock(SlaClock clock) {
        return new ClockAssert(clock);
    }

    ClockAssert is(ClockState state) {
        isNotNull();
        assertThat(actual.state()).as("state of %s", actual.metric()).isEqualTo(state);
        return this;
    }

    ClockAssert hasElapsed(String duration) {
        assertThat(actual.elapsed()).as("elapsed of %s", actual.metric()).isEqualTo(Duration.parse(duration));
        return this;
    }

    ClockAssert hasRemaining(String duration) {
        assertThat(actual.remaining()).as("remaining").isEqualTo(Duration.parse(duration));
        return this;
    }

    ClockAssert hasTarget(String duration) {
        assertThat(actual.target()).as("target").isEqualTo(Duration.parse(duration));
        return this;
    }

    ClockAssert isDueAt(String instant) {
        assertThat(actual.dueAt()).as("due instant").isEqualTo(instant == null ? null : Story.instant(instant));
        return this;
    }

    ClockAssert breachesAt(String instant) {
        is(ClockState.BREACHED);
        assertThat(actual.breachedAt()).as("breach instant").isEqualTo(Story.instant(instant));
        return this;
    }

    ClockAssert stoppedAt(String instant) {
        assertThat(actual.stoppedAt()).as("stop instant").isEqualTo(instant == null ? null : Story.instant(instant));
        return this;
    }

    ClockAssert hasPaused(TicketStatus status, String duration) {
        assertThat(actual.paused()).as("paused time").containsEntry(status, Duration.parse(duration));
        return this;
    }

    /** The threshold named by its key ({@code 0.75}, {@code 1}, {@code PT30M}) reaches {@code instant}. */
    ClockAssert crosses(String threshold, String instant, boolean crossed) {
        assertThat(actual.thresholds())
                .as("thresholds")
                .contains(new ThresholdCrossing(
                        Threshold.parse(threshold), instant == null ? null : Story.instant(instant), crossed));
        return this;
    }

    ClockAssert isNextDueAt(String instant) {
        assertThat(actual.nextDueAt())
                .as("next due instant")
                .isEqualTo(instant == null ? null : Story.instant(instant));
        return this;
    }

    ClockAssert inCycle(int cycle) {
        assertThat(actual.cycle()).as("cycle").isEqualTo(cycle);
        return this;
    }

    ClockAssert explainsWith(ClockEntry.Kind... kinds) {
        List<ClockEntry.Kind> actualKinds =
                actual.timeline().stream().map(ClockEntry::kind).toList();
        assertThat(actualKinds).as("timeline of %s", actual.metric()).containsExactly(kinds);
        return this;
    }
}
