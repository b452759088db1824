package io.pledge.sla;

import static io.pledge.sla.ClockAssert.assertThatClock;
import static io.pledge.sla.Metric.FIRST_RESPONSE;
import static io.pledge.sla.Metric.RESOLUTION;
import static io.pledge.sla.Policies.PARIS_OFFICE;
import static io.pledge.sla.Policies.clock;
import static io.pledge.sla.Policies.evaluate;
import static io.pledge.sla.Story.ticketRaised;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Business-day targets in the engine (ADR 0040), in the Paris office (Monday 08:30–12:30 and
 * 13:30–18:00, Tuesday to Thursday 08:30–18:00, Friday 08:30–17:00, French holidays): the deadline is
 * fixed when the clock starts, its budget is the business time to it, pauses push it back.
 */
class SlaEvaluatorBusinessDaysTest {

    private static final String TARGETS = """
            "targets": [
              {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
              {"priority": "P2", "metric": "RESOLUTION",
               "businessDays": {"kind": "BUSINESS_DAYS", "days": 2, "ending": "TIME_OF_DAY"}},
              {"priority": "P3", "metric": "FIRST_RESPONSE", "businessDays": {"kind": "END_OF_BUSINESS_DAY"}},
              {"priority": "P3", "metric": "RESOLUTION", "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "17:00"}},
              {"priority": "P4", "metric": "RESOLUTION",
               "businessDays": {"kind": "BUSINESS_DAYS", "days": 3, "ending": "CLOSE"}}],
            "warnBefore": ["PT1H"]""";

    private static final SlaPolicy POLICY = Policies.policy("{" + TARGETS + "}");

    @Test
    void aNextBusinessDayTargetIsDueAtItsCutOffWithTheBusinessTimeToItAsBudget() {
        Story story = ticketRaised("2026-03-31T10:00+02:00", "P3");

        List<SlaClock> clocks = evaluate(POLICY, PARIS_OFFICE, story, "2026-03-31T12:00+02:00");

        // Tuesday 10:00–18:00, then Wednesday 08:30–17:00.
        assertThatClock(clock(clocks, RESOLUTION))
                .is(ClockState.RUNNING)
                .hasTarget("PT16H30M")
                .hasElapsed("PT2H")
                .isDueAt("2026-04-01T17:00+02:00")
                .crosses("0.75", "2026-04-01T12:52:30+02:00", false)
                .crosses("PT1H", "2026-04-01T16:00+02:00", false)
                .crosses("1", "2026-04-01T17:00+02:00", false);
        assertThatClock(clock(clocks, FIRST_RESPONSE)).hasTarget("PT8H").isDueAt("2026-03-31T18:00+02:00");
    }

    @Test
    void aPauseMovesTheDueInstantByItsBusinessTime() {
        Story story = ticketRaised("2026-03-31T10:00+02:00", "P3")
                .waitingOnCustomer("2026-03-31T15:00+02:00")
                .inProgress("2026-04-01T10:00+02:00");

        // 5 h counted, paused 4 h 30 of business time; 11 h 30 left from Wednesday 10:00.
        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, story, "2026-04-01T11:00+02:00"), RESOLUTION))
                .is(ClockState.RUNNING)
                .hasTarget("PT16H30M")
                .hasElapsed("PT6H")
                .hasPaused(TicketStatus.WAITING_ON_CUSTOMER, "PT4H30M")
                .isDueAt("2026-04-02T12:00+02:00");
    }

    @Test
    void resolvedAtTheCutOffIsMetAndASecondLaterIsBreachedAtIt() {
        Story onTime = ticketRaised("2026-03-31T10:00+02:00", "P3").resolved("2026-04-01T17:00+02:00");
        Story late = ticketRaised("2026-03-31T10:00+02:00", "P3").resolved("2026-04-01T17:00:01+02:00");

        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, onTime, "2026-04-02T09:00+02:00"), RESOLUTION))
                .is(ClockState.MET);
        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, late, "2026-04-02T09:00+02:00"), RESOLUTION))
                .breachesAt("2026-04-01T17:00+02:00");
    }

    @Test
    void aTicketRaisedOnFridayEveningStartsOnMondayOverTheDaylightSavingChange() {
        Story story = ticketRaised("2026-03-27T19:00+01:00", "P3").resolved("2026-03-31T16:59+02:00");

        List<SlaClock> clocks = evaluate(POLICY, PARIS_OFFICE, story, "2026-03-31T18:00+02:00");

        // Monday 8 h 30 with its lunch break, Tuesday 08:30–17:00.
        assertThatClock(clock(clocks, RESOLUTION))
                .is(ClockState.MET)
                .hasTarget("PT17H")
                .isDueAt("2026-03-31T17:00+02:00");
        assertThatClock(clock(clocks, FIRST_RESPONSE)).is(ClockState.BREACHED).breachesAt("2026-03-30T18:00+02:00");
    }

    @Test
    void aRetroactivePriorityChangeDerivesTheNewBudgetFromTheCycleStart() {
        Story story = ticketRaised("2026-03-02T09:00+01:00", "P4").priority("2026-03-02T14:00+01:00", "P3");

        // From Monday 09:00: 8 h on Monday, 8 h 30 on Tuesday to 17:00.
        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, story, "2026-03-02T15:00+01:00"), RESOLUTION))
                .hasTarget("PT16H30M")
                .hasElapsed("PT5H")
                .isDueAt("2026-03-03T17:00+01:00")
                .inCycle(1);
    }

    @Test
    void aRestartByPriorityChangeDerivesTheNewBudgetFromTheChange() {
        SlaPolicy restart = Policies.policy("{" + TARGETS + ", \"priorityChangeRule\": \"RESTART\"}");
        Story story = ticketRaised("2026-03-02T09:00+01:00", "P4").priority("2026-03-02T14:00+01:00", "P3");

        assertThatClock(clock(evaluate(restart, PARIS_OFFICE, story, "2026-03-02T15:00+01:00"), RESOLUTION))
                .hasTarget("PT12H30M")
                .hasElapsed("PT1H")
                .isDueAt("2026-03-03T17:00+01:00")
                .inCycle(2);
    }

    @Test
    void aReopenedTicketResumesTheBudgetOfItsStartOrStartsANewDeadline() {
        Story story = ticketRaised("2026-03-31T10:00+02:00", "P3")
                .resolved("2026-03-31T11:00+02:00")
                .reopened("2026-04-02T16:00+02:00");

        // Resumed: 15 h 30 left from Thursday 16:00; Easter Monday is a holiday.
        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, story, "2026-04-02T17:00+02:00"), RESOLUTION))
                .is(ClockState.RUNNING)
                .hasTarget("PT16H30M")
                .hasElapsed("PT2H")
                .isDueAt("2026-04-07T13:30+02:00");

        SlaPolicy newCycle = Policies.policy("{" + TARGETS + ", \"reopenRule\": \"NEW_CYCLE\"}");
        assertThatClock(clock(evaluate(newCycle, PARIS_OFFICE, story, "2026-04-02T17:00+02:00"), RESOLUTION))
                .hasTarget("PT10H30M")
                .hasElapsed("PT1H")
                .isDueAt("2026-04-03T17:00+02:00")
                .inCycle(2);
    }

    @Test
    void businessDaysAtTheTimeOfDayAndAtCloseCountOverHolidays() {
        Story days = ticketRaised("2026-04-02T15:00+02:00", "P2");
        Story close = ticketRaised("2026-04-02T15:00+02:00", "P4");

        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, days, "2026-04-02T16:00+02:00"), RESOLUTION))
                .isDueAt("2026-04-07T15:00+02:00");
        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, close, "2026-04-02T16:00+02:00"), RESOLUTION))
                .isDueAt("2026-04-08T18:00+02:00");
    }

    @Test
    void theTimelineNamesTheTargetInWords() {
        Story story = ticketRaised("2026-03-31T10:00+02:00", "P3");

        SlaClock clock = clock(evaluate(POLICY, PARIS_OFFICE, story, "2026-03-31T12:00+02:00"), RESOLUTION);

        assertThat(clock.timeline().get(0).detail()).isEqualTo("P3, target next business day by 17:00");
    }

    @Test
    void durationTargetsKeepTheirDuration() {
        Story story = ticketRaised("2026-03-31T10:00+02:00", "P1");

        assertThatClock(clock(evaluate(POLICY, PARIS_OFFICE, story, "2026-03-31T11:00+02:00"), RESOLUTION))
                .hasTarget("PT4H")
                .isDueAt("2026-03-31T14:00+02:00");
    }
}
