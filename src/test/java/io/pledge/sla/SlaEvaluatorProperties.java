package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the SLA clocks over random ticket lives, on an office calendar and on 24x7. */
class SlaEvaluatorProperties {

    private static final BusinessCalendar[] CALENDARS = {Policies.PARIS_OFFICE, Policies.ALWAYS};
    private static final TicketStatus[] WORKING = {TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.SCHEDULED};
    private static final TicketStatus[] PAUSING = {TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR};

    /** A random life: statuses, pauses, replies and notes, and optionally priority changes and resolutions. */
    record Life(List<TicketEvent> events, Instant at, BusinessCalendar calendar) {

        TicketTimeline timeline() {
            return TicketTimeline.of(events);
        }

        Instant createdAt() {
            return events.get(0).at();
        }
    }

    @Provide
    Arbitrary<Life> workingLives() {
        return lives(false);
    }

    @Provide
    Arbitrary<Life> anyLives() {
        return lives(true);
    }

    private Arbitrary<Life> lives(boolean withStopsAndPriorityChanges) {
        Arbitrary<Instant> created = Arbitraries.longs()
                .between(
                        Instant.parse("2026-01-05T00:00:00Z").getEpochSecond(),
                        Instant.parse("2027-12-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, withStopsAndPriorityChanges ? 9 : 4);
        Arbitrary<Long> gaps = Arbitraries.longs().between(0, 36 * 60);
        Arbitrary<List<int[]>> steps = Combinators.combine(
                        kinds, gaps, Arbitraries.integers().between(0, 2))
                .as((kind, gap, pick) -> new int[] {kind, (int) (long) gap, pick})
                .list()
                .ofMaxSize(12);
        return Combinators.combine(
                        created, Arbitraries.integers().between(1, 3), steps, gaps, Arbitraries.of(CALENDARS))
                .as((start, priority, plan, finalGap, calendar) -> {
                    List<TicketEvent> events = new ArrayList<>();
                    events.add(new TicketEvent.Created(start, Priority.of("P" + priority)));
                    Instant t = start;
                    for (int[] step : plan) {
                        t = t.plus(Duration.ofMinutes(step[1]));
                        events.add(
                                switch (step[0]) {
                                    case 0 -> new TicketEvent.StatusChanged(t, WORKING[step[2] % WORKING.length]);
                                    case 1 -> new TicketEvent.StatusChanged(t, PAUSING[step[2] % PAUSING.length]);
                                    case 2 -> new TicketEvent.Replied(t, TicketEvent.Author.CUSTOMER, true);
                                    case 3 -> new TicketEvent.Note(t);
                                    case 4 -> new TicketEvent.Replied(t, TicketEvent.Author.AGENT, step[2] == 0);
                                    case 5, 6 -> new TicketEvent.PriorityChanged(t, Priority.of("P" + (step[2] + 1)));
                                    case 7 -> new TicketEvent.Resolved(t);
                                    case 8 -> new TicketEvent.Reopened(t);
                                    default -> new TicketEvent.Closed(t);
                                });
                    }
                    return new Life(events, t.plus(Duration.ofMinutes(finalGap)), calendar);
                });
    }

    @Property(tries = 300)
    void pausedTimeNeverCounts(@ForAll("workingLives") Life life) {
        SlaClock resolution = resolution(Policies.standard(), life);
        Duration paused = resolution.paused().values().stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(resolution.elapsed().plus(paused)).isEqualTo(life.calendar().between(life.createdAt(), life.at()));
    }

    @Property(tries = 300)
    void elapsedTimeNeverDecreasesAsTimePasses(@ForAll("anyLives") Life life) {
        SlaEvaluator evaluator = new SlaEvaluator(Policies.standard(), target -> life.calendar());
        Instant earlier = life.createdAt()
                .plus(Duration.between(life.createdAt(), life.at()).dividedBy(2));
        SlaClock before = clock(evaluator.evaluate(life.timeline(), earlier), Metric.RESOLUTION);
        SlaClock after = clock(evaluator.evaluate(life.timeline(), life.at()), Metric.RESOLUTION);

        if (before.cycle() == after.cycle() && before.target().equals(after.target())) {
            assertThat(after.elapsed()).isGreaterThanOrEqualTo(before.elapsed());
        }
    }

    @Property(tries = 300)
    void aRetroactivePriorityChangeKeepsTheElapsedTime(@ForAll("workingLives") Life life) {
        List<TicketEvent> changed = new ArrayList<>(life.events());
        Instant middle = life.createdAt()
                .plus(Duration.between(life.createdAt(), life.at()).dividedBy(2));
        changed.add(new TicketEvent.PriorityChanged(middle, Priority.of("P1")));
        Life withChange = new Life(changed, life.at(), life.calendar());

        SlaClock plain = resolution(Policies.standard(), life);
        SlaClock retargeted = resolution(Policies.standard(), withChange);

        assertThat(retargeted.elapsed()).isEqualTo(plain.elapsed());
        assertThat(retargeted.paused()).isEqualTo(plain.paused());
        assertThat(retargeted.target()).isEqualTo(Duration.ofHours(4));
    }

    @Property(tries = 300)
    void aResumedClockCountsEveryWorkingStretch(@ForAll("workingLives") Life life) {
        Instant resolved = life.at();
        Duration gap = Duration.ofHours(3);
        List<TicketEvent> events = new ArrayList<>(life.events());
        events.add(new TicketEvent.Resolved(resolved));
        events.add(new TicketEvent.Reopened(resolved.plus(gap)));
        Instant at = resolved.plus(gap).plus(Duration.ofHours(5));
        Life reopened = new Life(events, at, life.calendar());

        SlaClock atResolution = resolution(Policies.standard(), new Life(events, resolved, life.calendar()));
        SlaClock afterReopening = resolution(Policies.standard(), reopened);

        assertThat(afterReopening.elapsed())
                .isEqualTo(atResolution.elapsed().plus(life.calendar().between(resolved.plus(gap), at)));
        assertThat(afterReopening.cycle()).isEqualTo(1);
    }

    @Property(tries = 300)
    void theFiguresOfAClockAreConsistent(@ForAll("anyLives") Life life) {
        for (SlaClock clock :
                new SlaEvaluator(Policies.standard(), target -> life.calendar()).evaluate(life.timeline(), life.at())) {
            assertThat(clock.remaining()).isEqualTo(clock.target().minus(clock.elapsed()));
            assertThat(clock.state() == ClockState.BREACHED).isEqualTo(clock.breachedAt() != null);
            if (clock.state() == ClockState.RUNNING || clock.state() == ClockState.PAUSED) {
                assertThat(clock.stoppedAt()).isNull();
                assertThat(clock.elapsed()).isLessThanOrEqualTo(clock.target());
            }
            if (clock.state() == ClockState.MET) {
                assertThat(clock.elapsed()).isLessThanOrEqualTo(clock.target());
            }
            if (clock.nextDueAt() != null) {
                assertThat(clock.nextDueAt()).isAfter(life.at());
                assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
            }
            Instant previous = null;
            for (ThresholdCrossing threshold : clock.thresholds()) {
                if (threshold.at() != null && previous != null) {
                    assertThat(threshold.at()).isAfterOrEqualTo(previous);
                }
                if (threshold.crossed()) {
                    assertThat(threshold.at()).isBeforeOrEqualTo(life.at());
                }
                previous = threshold.at();
            }
            for (ClockEntry entry : clock.timeline()) {
                assertThat(entry.at()).isBeforeOrEqualTo(life.at());
            }
        }
    }

    @Property(tries = 300)
    void aLeadIsThatMuchBusinessTimeBeforeTheDueInstant(@ForAll("workingLives") Life life) {
        SlaPolicy policy = Policies.with("\"warnBefore\": [\"PT10M\", \"PT2H\", \"PT100H\"]");
        for (SlaClock clock :
                new SlaEvaluator(policy, target -> life.calendar()).evaluate(life.timeline(), life.at())) {
            for (ThresholdCrossing threshold : clock.thresholds()) {
                Duration lead = threshold.threshold().beforeDue();
                if (lead == null) {
                    continue;
                }
                if (lead.compareTo(clock.target()) >= 0) {
                    // Reached as soon as the clock counts: before every other threshold of the clock.
                    for (ThresholdCrossing other : clock.thresholds()) {
                        if (threshold.at() != null && other.at() != null) {
                            assertThat(threshold.at()).isBeforeOrEqualTo(other.at());
                        }
                    }
                } else if (clock.state() == ClockState.RUNNING && !threshold.crossed()) {
                    assertThat(life.calendar().between(threshold.at(), clock.dueAt()))
                            .as("business time from the %s lead to the due instant", lead)
                            .isEqualTo(lead);
                    assertThat(clock.nextDueAt()).isBeforeOrEqualTo(threshold.at());
                }
            }
        }
    }

    private static SlaClock resolution(SlaPolicy policy, Life life) {
        return clock(
                new SlaEvaluator(policy, target -> life.calendar()).evaluate(life.timeline(), life.at()),
                Metric.RESOLUTION);
    }

    private static SlaClock clock(List<SlaClock> clocks, Metric metric) {
        return Policies.clock(clocks, metric);
    }
}
