package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pledge.sla.ClockEntry.Kind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a cycle keeps its stretches, pauses and notes as the replay moves it. */
class ClockCycleTest {

    private static final Set<TicketStatus> PAUSES =
            EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR);
    private static final Instant T0 = Instant.parse("2026-03-30T07:00:00Z");
    private static final TargetEpoch P2 = new TargetEpoch(T0, Priority.of("P2"), null, false);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static ClockCycle started(TicketStatus status) {
        ClockCycle cycle = new ClockCycle(1);
        cycle.start(T0, P2, Kind.STARTED, status, PAUSES);
        return cycle;
    }

    @Test
    void aCycleCountsFromItsStartAndPausesInAPauseStatus() {
        ClockCycle cycle = started(TicketStatus.NEW);
        assertThat(cycle.stretches()).isEmpty();
        assertThat(cycle.countingSince()).isEqualTo(T0);
        assertThat(cycle.isCounting()).isTrue();

        cycle.enterStatus(at(10), TicketStatus.WAITING_ON_CUSTOMER, PAUSES);
        cycle.enterStatus(at(20), TicketStatus.WAITING_ON_CUSTOMER, PAUSES);
        cycle.enterStatus(at(30), TicketStatus.WAITING_ON_VENDOR, PAUSES);
        cycle.enterStatus(at(40), TicketStatus.IN_PROGRESS, PAUSES);
        cycle.enterStatus(at(50), TicketStatus.OPEN, PAUSES);

        assertThat(cycle.stretches()).containsExactly(new Stretch(T0, at(10)));
        assertThat(cycle.countingSince()).isEqualTo(at(40));
        assertThat(cycle.pauses())
                .containsExactly(
                        new ClockCycle.Pause(TicketStatus.WAITING_ON_CUSTOMER, at(10), at(30)),
                        new ClockCycle.Pause(TicketStatus.WAITING_ON_VENDOR, at(30), at(40)));
        assertThat(cycle.notes())
                .extracting(ClockCycle.Note::kind, ClockCycle.Note::at)
                .containsExactly(
                        tuple(Kind.STARTED, T0),
                        tuple(Kind.PAUSED, at(10)),
                        tuple(Kind.PAUSED, at(30)),
                        tuple(Kind.RESUMED, at(40)));
        assertThat(cycle.isCounting()).isTrue();
        assertThat(cycle.isPaused()).isFalse();
    }

    @Test
    void aCycleCreatedInAPauseStatusStartsPaused() {
        ClockCycle cycle = started(TicketStatus.WAITING_ON_VENDOR);
        assertThat(cycle.stretches()).isEmpty();
        assertThat(cycle.countingSince()).isNull();
        assertThat(cycle.isPaused()).isTrue();
        assertThat(cycle.isCounting()).isFalse();
    }

    @Test
    void aStretchPausedAtTheInstantItBeganNeverCounted() {
        ClockCycle cycle = started(TicketStatus.NEW);
        cycle.enterStatus(T0, TicketStatus.WAITING_ON_CUSTOMER, PAUSES);
        assertThat(cycle.stretches()).isEmpty();
        assertThat(cycle.countingSince()).isNull();
        assertThat(cycle.isPaused()).isTrue();
    }

    @Test
    void finishingClosesTheOpenStretchOrPauseAndEndsTheCycle() {
        ClockCycle counting = started(TicketStatus.NEW);
        counting.finish(at(15), Kind.STOPPED, "resolved");
        assertThat(counting.stretches()).containsExactly(new Stretch(T0, at(15)));
        assertThat(counting.countingSince()).isNull();
        assertThat(counting.end()).isEqualTo(at(15));
        assertThat(counting.isActive()).isFalse();
        assertThat(counting.isCounting()).isFalse();

        ClockCycle paused = started(TicketStatus.NEW);
        paused.enterStatus(at(5), TicketStatus.WAITING_ON_CUSTOMER, PAUSES);
        paused.finish(at(15), Kind.CANCELLED, "ticket cancelled");
        assertThat(paused.pauses())
                .containsExactly(new ClockCycle.Pause(TicketStatus.WAITING_ON_CUSTOMER, at(5), at(15)));
        assertThat(paused.isPaused()).isFalse();
        assertThat(paused.notes().get(paused.notes().size() - 1))
                .isEqualTo(new ClockCycle.Note(Kind.CANCELLED, at(15), "ticket cancelled"));
    }

    @Test
    void aStoppedCycleIgnoresStatusesUntilItResumesWithWhatItCounted() {
        ClockCycle cycle = started(TicketStatus.NEW);
        cycle.finish(at(10), Kind.STOPPED, "resolved");
        cycle.enterStatus(at(20), TicketStatus.WAITING_ON_CUSTOMER, PAUSES);
        assertThat(cycle.pauses()).isEmpty();

        cycle.resume(at(30), TicketStatus.OPEN, PAUSES);
        assertThat(cycle.isActive()).isTrue();
        assertThat(cycle.stretches()).containsExactly(new Stretch(T0, at(10)));
        assertThat(cycle.countingSince()).isEqualTo(at(30));
        assertThat(cycle.notes())
                .extracting(ClockCycle.Note::kind)
                .containsExactly(Kind.STARTED, Kind.STOPPED, Kind.REOPENED);
    }

    @Test
    void aRetargetAddsAnEpochAndRendersItsTarget() {
        ClockCycle cycle = started(TicketStatus.NEW);
        Target p1 = new ClockRules(Policies.standard()).target(Metric.RESOLUTION, Priority.of("P1"));
        TargetEpoch epoch = new TargetEpoch(at(20), Priority.of("P1"), p1, true);
        cycle.retarget(epoch);
        assertThat(cycle.epochs()).containsExactly(P2, epoch);
        assertThat(cycle.lastEpoch()).isEqualTo(epoch);
        ClockCycle.Note note = cycle.notes().get(cycle.notes().size() - 1);
        assertThat(note.kind()).isEqualTo(Kind.RETARGETED);
        assertThat(note.renderedDetail()).isEqualTo("P1, target " + p1.duration());
        assertThat(cycle.notes().get(0).renderedDetail()).isEqualTo("P2, target none");
    }
}
