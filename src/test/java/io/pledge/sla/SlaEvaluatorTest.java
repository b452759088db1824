package io.pledge.sla;

import static io.pledge.sla.ClockAssert.assertThatClock;
import static io.pledge.sla.ClockEntry.Kind.BREACHED;
import static io.pledge.sla.ClockEntry.Kind.CANCELLED;
import static io.pledge.sla.ClockEntry.Kind.PAUSED;
import static io.pledge.sla.ClockEntry.Kind.REOPENED;
import static io.pledge.sla.ClockEntry.Kind.RESTARTED;
import static io.pledge.sla.ClockEntry.Kind.RESUMED;
import static io.pledge.sla.ClockEntry.Kind.RETARGETED;
import static io.pledge.sla.ClockEntry.Kind.STARTED;
import static io.pledge.sla.ClockEntry.Kind.STOPPED;
import static io.pledge.sla.ClockEntry.Kind.THRESHOLD;
import static io.pledge.sla.Metric.FIRST_RESPONSE;
import static io.pledge.sla.Metric.RESOLUTION;
import static io.pledge.sla.Policies.ALWAYS;
import static io.pledge.sla.Policies.PARIS_OFFICE;
import static io.pledge.sla.Policies.clock;
import static io.pledge.sla.Policies.evaluate;
import static io.pledge.sla.Story.ticketRaised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The clock semantics of PRODUCT.md, rule by rule, on hand-computed timelines. */
class SlaEvaluatorTest {

    private static final SlaPolicy STANDARD = Policies.standard();

    @Nested
    class StartingAndStopping {

        @Test
        void clocksStartAtCreationAndCountBusinessHours() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2").agentReplies("2026-03-30T09:40+02:00");

            List<SlaClock> clocks = evaluate(STANDARD, PARIS_OFFICE, story, "2026-03-30T14:00+02:00");

            assertThatClock(clock(clocks, FIRST_RESPONSE))
                    .is(ClockState.MET)
                    .hasTarget("PT1H")
                    .hasElapsed("PT40M")
                    .stoppedAt("2026-03-30T09:40+02:00")
                    .isDueAt("2026-03-30T10:00+02:00")
                    .crosses("0.75", null, false)
                    .isNextDueAt(null);
            assertThatClock(clock(clocks, RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasTarget("PT8H")
                    .hasElapsed("PT4H")
                    .hasRemaining("PT4H")
                    .isDueAt("2026-03-30T18:00+02:00")
                    .crosses("0.75", "2026-03-30T16:00+02:00", false)
                    .crosses("0.9", "2026-03-30T17:12+02:00", false)
                    .crosses("1", "2026-03-30T18:00+02:00", false)
                    .isNextDueAt("2026-03-30T16:00+02:00")
                    .inCycle(1);
        }

        @Test
        void customerRepliesNotesAndPrivateRepliesAreNoFirstResponse() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2")
                    .customerReplies("2026-03-30T09:10+02:00")
                    .note("2026-03-30T09:20+02:00")
                    .agentRepliesPrivately("2026-03-30T09:30+02:00");

            assertThatClock(clock(evaluate(STANDARD, PARIS_OFFICE, story, "2026-03-30T10:30+02:00"), FIRST_RESPONSE))
                    .breachesAt("2026-03-30T10:00+02:00")
                    .hasElapsed("PT1H30M")
                    .hasRemaining("-PT30M")
                    .stoppedAt(null)
                    .isNextDueAt(null);
        }

        @Test
        void firstResponseStopsAtResolutionWhenNoReplyCame() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2").resolved("2026-03-30T09:45+02:00");

            List<SlaClock> clocks = evaluate(STANDARD, PARIS_OFFICE, story, "2026-03-30T12:00+02:00");

            // 75% of an hour is reached at 09:45, the instant it stopped: the stop comes first.
            assertThatClock(clock(clocks, FIRST_RESPONSE))
                    .is(ClockState.MET)
                    .hasElapsed("PT45M")
                    .stoppedAt("2026-03-30T09:45+02:00")
                    .crosses("0.75", null, false);
            assertThatClock(clock(clocks, RESOLUTION)).is(ClockState.MET).hasElapsed("PT45M");
        }

        @Test
        void aClockStoppedExactlyAtItsDueInstantIsMet() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1").resolved("2026-03-30T13:00Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T15:00Z"), RESOLUTION))
                    .is(ClockState.MET)
                    .hasElapsed("PT4H")
                    .hasRemaining("PT0S")
                    .isDueAt("2026-03-30T13:00Z");
        }

        @Test
        void aClockStoppedAfterItsDueInstantIsBreachedEvenWhenNoBusinessTimePassed() {
            // Due at Monday 18:00, closing time; resolved at 18:30, after hours.
            Story late = ticketRaised("2026-03-30T09:00+02:00", "P2").resolved("2026-03-30T18:30+02:00");
            Story onTime = ticketRaised("2026-03-30T09:00+02:00", "P2").resolved("2026-03-30T18:00+02:00");

            assertThatClock(clock(evaluate(STANDARD, PARIS_OFFICE, late, "2026-03-31T09:00+02:00"), RESOLUTION))
                    .breachesAt("2026-03-30T18:00+02:00")
                    .hasElapsed("PT8H")
                    .stoppedAt("2026-03-30T18:30+02:00");
            assertThatClock(clock(evaluate(STANDARD, PARIS_OFFICE, onTime, "2026-03-31T09:00+02:00"), RESOLUTION))
                    .is(ClockState.MET);
        }

        @Test
        void aBreachedClockKeepsCountingSoTheOvershootIsKnown() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T14:00Z"), RESOLUTION))
                    .breachesAt("2026-03-30T13:00Z")
                    .hasElapsed("PT5H")
                    .hasRemaining("-PT1H")
                    .crosses("0.75", "2026-03-30T12:00Z", true)
                    .crosses("0.9", "2026-03-30T12:36Z", true)
                    .isNextDueAt(null)
                    .explainsWith(STARTED, THRESHOLD, THRESHOLD, BREACHED);
        }

        @Test
        void closingStopsClocksUnlessTheTicketWasResolved() {
            Story closed = ticketRaised("2026-03-30T09:00Z", "P1").closed("2026-03-30T10:00Z");
            Story resolvedThenClosed = ticketRaised("2026-03-30T09:00Z", "P1")
                    .resolved("2026-03-30T10:00Z")
                    .closed("2026-03-30T16:00Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, closed, "2026-03-30T18:00Z"), RESOLUTION))
                    .is(ClockState.MET)
                    .stoppedAt("2026-03-30T10:00Z");
            assertThatClock(clock(evaluate(STANDARD, ALWAYS, resolvedThenClosed, "2026-03-30T18:00Z"), RESOLUTION))
                    .is(ClockState.MET)
                    .stoppedAt("2026-03-30T10:00Z")
                    .hasElapsed("PT1H");
        }

        @Test
        void eventsAfterTheEvaluationInstantAreIgnored() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1").resolved("2026-03-30T12:00Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T11:00Z"), RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT2H");
        }

        @Test
        void theEvaluationInstantCannotPrecedeCreation() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1");

            assertThatThrownBy(() -> evaluate(STANDARD, ALWAYS, story, "2026-03-30T08:00Z"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LeadsBeforeDue {

        private final SlaPolicy warnsEarly = Policies.with("\"warnBefore\": [\"PT5H\", \"PT30M\", \"PT9H\"]");

        @Test
        void aLeadIsBusinessTimeBeforeTheDueInstant() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2");

            // 8 h of Paris office hours from 09:00 end at 18:00, the 12:30-13:30 lunch break not counted: 5 h
            // of business time before due is 12:00 (3 h after the start), not 13:00.
            assertThatClock(clock(evaluate(warnsEarly, PARIS_OFFICE, story, "2026-03-30T10:00+02:00"), RESOLUTION))
                    .isDueAt("2026-03-30T18:00+02:00")
                    .crosses("PT5H", "2026-03-30T12:00+02:00", false)
                    .crosses("PT30M", "2026-03-30T17:30+02:00", false)
                    .crosses("0.75", "2026-03-30T16:00+02:00", false)
                    .isNextDueAt("2026-03-30T12:00+02:00");
        }

        @Test
        void aLeadLongerThanTheTargetIsCrossedAtTheStart() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2");

            SlaClock firstResponse =
                    clock(evaluate(warnsEarly, PARIS_OFFICE, story, "2026-03-30T09:10+02:00"), FIRST_RESPONSE);

            assertThatClock(firstResponse)
                    .crosses("PT9H", "2026-03-30T09:00+02:00", true)
                    .crosses("PT5H", "2026-03-30T09:00+02:00", true)
                    .crosses("PT30M", "2026-03-30T09:30+02:00", false);
        }

        @Test
        void aLeadLongerThanTheTargetIsReachedWhenTheClockFirstCountsNotWhileItIsPausedFromItsStart() {
            // Raised straight into waiting on the customer (an event at the creation instant comes first):
            // the resolution clock never counted, so its 9 h lead on an 8 h target is not reached yet.
            Story waiting = ticketRaised("2026-03-30T09:00+02:00", "P2").waitingOnCustomer("2026-03-30T09:00+02:00");
            Story resumed = ticketRaised("2026-03-30T09:00+02:00", "P2")
                    .waitingOnCustomer("2026-03-30T09:00+02:00")
                    .inProgress("2026-03-30T11:00+02:00");

            assertThatClock(clock(evaluate(warnsEarly, PARIS_OFFICE, waiting, "2026-03-30T10:00+02:00"), RESOLUTION))
                    .is(ClockState.PAUSED)
                    .crosses("PT9H", null, false);
            assertThatClock(clock(evaluate(warnsEarly, PARIS_OFFICE, resumed, "2026-03-30T11:10+02:00"), RESOLUTION))
                    .crosses("PT9H", "2026-03-30T11:00+02:00", true);
        }

        @Test
        void crossedLeadsAreOnTheTimeline() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2").resolved("2026-03-30T17:45+02:00");

            SlaClock resolution =
                    clock(evaluate(warnsEarly, PARIS_OFFICE, story, "2026-03-30T18:30+02:00"), RESOLUTION);

            assertThatClock(resolution).is(ClockState.MET).crosses("PT30M", "2026-03-30T17:30+02:00", true);
            assertThat(resolution.timeline())
                    .filteredOn(entry -> entry.kind() == THRESHOLD)
                    .extracting(ClockEntry::detail)
                    .contains("PT5H before due of PT8H (P2)", "PT30M before due of PT8H (P2)", "0.75 of PT8H (P2)");
        }

        @Test
        void leadsAreCheckedByField() {
            assertThatThrownBy(() -> Policies.with("\"warnBefore\": [\"PT0S\", \"soon\", \"PT30M\", \"PT30M\"]"))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.violations())
                                    .extracting(Violation::field)
                                    .containsExactly("warnBefore[0]", "warnBefore[1]", "warnBefore[3]"));
        }
    }

    @Nested
    class Pauses {

        @Test
        void waitingOnTheCustomerOrAVendorPausesResolutionAndIsKeptByReason() {
            Story story = ticketRaised("2026-03-30T09:00+02:00", "P2")
                    .waitingOnVendor("2026-03-30T10:00+02:00")
                    .inProgress("2026-03-30T12:00+02:00")
                    .waitingOnCustomer("2026-03-31T09:00+02:00")
                    .inProgress("2026-03-31T10:30+02:00");

            List<SlaClock> clocks = evaluate(STANDARD, PARIS_OFFICE, story, "2026-03-31T11:30+02:00");

            assertThatClock(clock(clocks, RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT7H30M")
                    .hasPaused(TicketStatus.WAITING_ON_VENDOR, "PT2H")
                    .hasPaused(TicketStatus.WAITING_ON_CUSTOMER, "PT1H30M")
                    .crosses("0.75", "2026-03-30T18:00+02:00", true)
                    .crosses("0.9", "2026-03-31T11:12+02:00", true)
                    .isDueAt("2026-03-31T12:00+02:00")
                    .isNextDueAt("2026-03-31T12:00+02:00")
                    .explainsWith(STARTED, PAUSED, RESUMED, THRESHOLD, PAUSED, RESUMED, THRESHOLD);
            // First response does not pause by default.
            assertThatClock(clock(clocks, FIRST_RESPONSE))
                    .breachesAt("2026-03-30T10:00+02:00")
                    .hasElapsed("PT11H");
        }

        @Test
        void aPausedClockHasNoDueInstantAndFiresNothing() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1").waitingOnCustomer("2026-03-30T10:00Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T20:00Z"), RESOLUTION))
                    .is(ClockState.PAUSED)
                    .hasElapsed("PT1H")
                    .hasPaused(TicketStatus.WAITING_ON_CUSTOMER, "PT10H")
                    .isDueAt(null)
                    .isNextDueAt(null)
                    .crosses("0.75", null, false);
        }

        @Test
        void pauseStatusesArePolicy() {
            SlaPolicy policy =
                    Policies.with("\"pauseStatuses\": {\"FIRST_RESPONSE\": [\"SCHEDULED\"], \"RESOLUTION\": []}");
            Story story = ticketRaised("2026-03-30T09:00Z", "P1")
                    .status("2026-03-30T09:05Z", TicketStatus.SCHEDULED)
                    .waitingOnCustomer("2026-03-30T10:00Z");

            List<SlaClock> clocks = evaluate(policy, ALWAYS, story, "2026-03-30T10:05Z");

            // SCHEDULED paused first response only; waiting on the customer pauses nothing here.
            assertThatClock(clock(clocks, FIRST_RESPONSE))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT10M")
                    .hasPaused(TicketStatus.SCHEDULED, "PT55M");
            assertThatClock(clock(clocks, RESOLUTION)).hasElapsed("PT1H5M");
        }

        @Test
        void aPauseEndsWhenTheTicketIsResolved() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1")
                    .waitingOnVendor("2026-03-30T10:00Z")
                    .resolved("2026-03-30T12:00Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T20:00Z"), RESOLUTION))
                    .is(ClockState.MET)
                    .hasElapsed("PT1H")
                    .hasPaused(TicketStatus.WAITING_ON_VENDOR, "PT2H")
                    .stoppedAt("2026-03-30T12:00Z");
        }
    }

    @Nested
    class Reopening {

        private final Story reopened = ticketRaised("2026-03-30T09:00Z", "P1")
                .resolved("2026-03-30T11:00Z")
                .reopened("2026-03-30T15:00Z");

        @Test
        void aReopenedTicketResumesItsResolutionClockByDefault() {
            List<SlaClock> clocks = evaluate(STANDARD, ALWAYS, reopened, "2026-03-30T16:30Z");

            assertThatClock(clock(clocks, RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT3H30M")
                    .isDueAt("2026-03-30T17:00Z")
                    .crosses("0.75", "2026-03-30T16:00Z", true)
                    .inCycle(1)
                    .explainsWith(STARTED, STOPPED, REOPENED, THRESHOLD);
            // First response stopped at the resolution and stays stopped.
            assertThatClock(clock(clocks, FIRST_RESPONSE))
                    .breachesAt("2026-03-30T09:15Z")
                    .stoppedAt("2026-03-30T11:00Z");
        }

        @Test
        void everyWorkingStretchCountsAcrossSeveralReopenings() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1")
                    .resolved("2026-03-30T10:00Z")
                    .reopened("2026-03-30T11:00Z")
                    .resolved("2026-03-30T12:00Z")
                    .status("2026-03-30T13:00Z", TicketStatus.OPEN)
                    .resolved("2026-03-30T13:30Z");

            assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T20:00Z"), RESOLUTION))
                    .is(ClockState.MET)
                    .hasElapsed("PT2H30M")
                    .stoppedAt("2026-03-30T13:30Z")
                    .explainsWith(STARTED, STOPPED, REOPENED, STOPPED, REOPENED, STOPPED);
        }

        @Test
        void aNewCyclePolicyStartsAgainFromZero() {
            SlaPolicy policy = Policies.with("\"reopenRule\": \"NEW_CYCLE\"");

            assertThatClock(clock(evaluate(policy, ALWAYS, reopened, "2026-03-30T16:30Z"), RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT1H30M")
                    .isDueAt("2026-03-30T19:00Z")
                    .inCycle(2)
                    .explainsWith(STARTED, STOPPED, REOPENED);
        }
    }

    @Nested
    class PriorityChanges {

        @Test
        void aRetroactiveUpgradeCanBreachAtTheMomentOfTheChange() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P3").priority("2026-03-30T14:00Z", "P1");

            List<SlaClock> clocks = evaluate(STANDARD, ALWAYS, story, "2026-03-30T14:30Z");

            SlaClock resolution = clock(clocks, RESOLUTION);
            assertThatClock(resolution)
                    .breachesAt("2026-03-30T13:00Z")
                    .hasTarget("PT4H")
                    .hasElapsed("PT5H30M")
                    .crosses("0.75", "2026-03-30T12:00Z", true)
                    .explainsWith(STARTED, THRESHOLD, THRESHOLD, BREACHED, RETARGETED);
            assertThat(resolution.timeline().get(3).retroactive()).isTrue();
            assertThat(resolution.timeline().get(3).detail()).contains("priority change at 2026-03-30T14:00:00Z");
            assertThat(resolution.priority()).isEqualTo(Priority.of("P1"));
            assertThatClock(clock(clocks, FIRST_RESPONSE)).breachesAt("2026-03-30T09:15Z");
        }

        @Test
        void aRetroactiveDowngradeCountsTheElapsedTimeAgainstTheLongerTarget() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P1").priority("2026-03-30T14:00Z", "P3");

            SlaClock resolution = clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T14:30Z"), RESOLUTION);

            assertThatClock(resolution)
                    .is(ClockState.RUNNING)
                    .hasTarget("PT16H")
                    .hasElapsed("PT5H30M")
                    .isDueAt("2026-03-31T01:00Z")
                    .explainsWith(STARTED, THRESHOLD, THRESHOLD, BREACHED, RETARGETED);
            assertThat(resolution.breachedAt()).isNull();
        }

        @Test
        void aRestartPolicyStartsANewCycleAtTheChange() {
            SlaPolicy policy = Policies.with("\"priorityChangeRule\": \"RESTART\"");
            Story story = ticketRaised("2026-03-30T09:00Z", "P3").priority("2026-03-30T14:00Z", "P1");

            assertThatClock(clock(evaluate(policy, ALWAYS, story, "2026-03-30T14:30Z"), RESOLUTION))
                    .is(ClockState.RUNNING)
                    .hasElapsed("PT30M")
                    .isDueAt("2026-03-30T18:00Z")
                    .inCycle(2)
                    .explainsWith(STARTED, RESTARTED, RESTARTED);
        }

        @Test
        void aPriorityWithoutATargetHasNoClockForThatMetric() {
            Story p4 = ticketRaised("2026-03-30T09:00Z", "P4");
            Story raised = ticketRaised("2026-03-30T09:00Z", "P4").priority("2026-03-30T10:00Z", "P2");

            assertThat(evaluate(STANDARD, ALWAYS, p4, "2026-03-30T12:00Z"))
                    .extracting(SlaClock::metric)
                    .containsExactly(RESOLUTION);
            // Retroactively, the P2 first response (1 hour) was due at 10:00.
            assertThatClock(clock(evaluate(STANDARD, ALWAYS, raised, "2026-03-30T12:00Z"), FIRST_RESPONSE))
                    .breachesAt("2026-03-30T10:00Z");
        }

        @Test
        void aTargetsOwnCalendarApplies() {
            Story story = ticketRaised("2026-03-28T10:00+01:00", "P1"); // a Saturday
            SlaEvaluator evaluator = new SlaEvaluator(
                    STANDARD, target -> target.priority().code().equals("P1") ? ALWAYS : PARIS_OFFICE);

            SlaClock resolution =
                    clock(evaluator.evaluate(story.timeline(), Story.instant("2026-03-28T11:00+01:00")), RESOLUTION);

            assertThatClock(resolution).hasElapsed("PT1H").isDueAt("2026-03-28T14:00+01:00");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aCancelledTicketsClocksAreCancelledAndLaterEventsChangeNothing() {
            Story story = ticketRaised("2026-03-30T09:00Z", "P2")
                    .cancelled("2026-03-30T10:00Z")
                    .resolved("2026-03-30T11:00Z");

            List<SlaClock> clocks = evaluate(STANDARD, ALWAYS, story, "2026-03-30T12:00Z");

            assertThatClock(clock(clocks, RESOLUTION))
                    .is(ClockState.CANCELLED)
                    .stoppedAt("2026-03-30T10:00Z")
                    .hasElapsed("PT1H")
                    .isNextDueAt(null)
                    .explainsWith(STARTED, CANCELLED);
            assertThatClock(clock(clocks, FIRST_RESPONSE)).is(ClockState.CANCELLED);
        }
    }

    @Test
    void eventsAtTheSameInstantKeepTheirArrivalOrder() {
        Story story = ticketRaised("2026-03-30T09:00Z", "P1")
                .waitingOnCustomer("2026-03-30T10:00Z")
                .inProgress("2026-03-30T10:00Z");

        assertThatClock(clock(evaluate(STANDARD, ALWAYS, story, "2026-03-30T11:00Z"), RESOLUTION))
                .is(ClockState.RUNNING)
                .hasElapsed("PT2H");
    }
}
