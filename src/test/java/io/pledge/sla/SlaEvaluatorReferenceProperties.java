package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every figure of {@link SlaEvaluator} equals the slow {@link ReferenceEvaluator}'s, on random ticket lives
 * (pauses, public and internal replies, notes, priority changes, resolutions, reopenings, closings,
 * cancellations, events at the same instant), evaluated at a random instant, at every event's instant
 * and at every threshold instant, on 24x7, on an office calendar with holidays and overrides, and with
 * P1 on 24x7 and the rest on the office calendar; once per reopening and priority-change rule.
 */
class SlaEvaluatorReferenceProperties {

    static final BusinessCalendar ALWAYS = Policies.ALWAYS;

    static final BusinessCalendar PARIS_OFFICE =
            BusinessCalendars.of(CalendarDefinition.parse(Policies.JSON.readValue("""
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"],
             "holidays": ["2026-12-26"],
             "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""", CalendarDocument.class)));

    /** Where the targets count. */
    enum Calendars {
        ALWAYS_OPEN,
        OFFICE,
        /** P1 on 24x7, the other priorities in the office: a retroactive change also changes calendar. */
        P1_ALWAYS_OPEN;

        TargetCalendars of() {
            return switch (this) {
                case ALWAYS_OPEN -> target -> ALWAYS;
                case OFFICE -> target -> PARIS_OFFICE;
                case P1_ALWAYS_OPEN -> target -> target.priority().code().equals("P1") ? ALWAYS : PARIS_OFFICE;
            };
        }
    }

    /** Around DST ends and starts, Christmas and the new year, the May holidays, and ordinary weeks. */
    private static final Instant[] SEASONS = {
        Instant.parse("2026-03-23T06:00:00Z"),
        Instant.parse("2026-07-08T06:00:00Z"),
        Instant.parse("2026-10-19T06:00:00Z"),
        Instant.parse("2026-12-17T06:00:00Z"),
        Instant.parse("2027-03-22T06:00:00Z"),
        Instant.parse("2027-04-26T06:00:00Z")
    };

    private static final TicketStatus[] WORKING = {
        TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.SCHEDULED, TicketStatus.NEW
    };
    private static final TicketStatus[] PAUSING = {TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR};

    /** A random ticket life with the policy settings it is evaluated under (the rules come from the property). */
    record Life(List<TicketEvent> events, Instant at, Calendars calendars, boolean widePauses, boolean leads) {

        SlaPolicy policy(ReopenRule reopen, PriorityChangeRule change) {
            Map<Metric, Set<TicketStatus>> pauses = widePauses
                    ? Map.of(
                            Metric.FIRST_RESPONSE,
                            Set.of(TicketStatus.WAITING_ON_VENDOR),
                            Metric.RESOLUTION,
                            Set.of(
                                    TicketStatus.WAITING_ON_CUSTOMER,
                                    TicketStatus.WAITING_ON_VENDOR,
                                    TicketStatus.SCHEDULED))
                    : SlaPolicy.DEFAULT_PAUSE_STATUSES;
            // PT5H is longer than the P1 targets: such a warning is reached as soon as the clock counts.
            List<Duration> warnBefore = leads ? List.of(Duration.ofMinutes(10), Duration.ofHours(5)) : List.of();
            return new SlaPolicy(
                    Policies.standard().targets(), SlaPolicy.DEFAULT_THRESHOLDS, warnBefore, pauses, reopen, change);
        }

        @Override
        public String toString() {
            return "at " + at + " on " + calendars + (widePauses ? ", wide pauses" : "") + (leads ? ", leads" : "")
                    + events.stream().map(Object::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        }
    }

    private record Step(int kind, long gapSeconds, int pick) {}

    @Provide
    Arbitrary<Life> lives() {
        Arbitrary<Instant> created = Combinators.combine(
                        Arbitraries.of(SEASONS), Arbitraries.longs().between(0, 14 * 24 * 3600))
                .as(Instant::plusSeconds);
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(1, 2 * 3600)),
                Tuple.of(4, Arbitraries.longs().between(1, 36 * 3600)));
        Arbitrary<Integer> kinds = Arbitraries.frequency(
                Tuple.of(4, 0), // a working status
                Tuple.of(4, 1), // a pause status
                Tuple.of(2, 2), // a customer reply
                Tuple.of(1, 3), // an internal note
                Tuple.of(3, 4), // an agent reply, public or not
                Tuple.of(3, 5), // a priority change
                Tuple.of(2, 6), // resolved
                Tuple.of(1, 7), // status RESOLVED or CLOSED
                Tuple.of(2, 8), // reopened
                Tuple.of(1, 9), // closed
                Tuple.of(1, 10)); // cancelled
        Arbitrary<List<Step>> steps = Combinators.combine(
                        kinds, gaps, Arbitraries.integers().between(0, 3))
                .as(Step::new)
                .list()
                .ofMaxSize(14);
        return Combinators.combine(
                        created,
                        Arbitraries.integers().between(1, 4),
                        steps,
                        Arbitraries.integers().between(0, 110),
                        gaps,
                        Arbitraries.of(Calendars.class),
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true))
                .as((start, priority, plan, percent, extra, calendars, widePauses, leads) -> {
                    List<TicketEvent> events = new ArrayList<>();
                    events.add(new TicketEvent.Created(start, Priority.of("P" + priority)));
                    Instant t = start;
                    for (Step step : plan) {
                        t = t.plusSeconds(step.gapSeconds());
                        events.add(event(step, t));
                    }
                    long span = Duration.between(start, t).getSeconds();
                    Instant at = percent <= 100 ? start.plusSeconds(span * percent / 100) : t.plusSeconds(extra);
                    return new Life(events, at, calendars, widePauses, leads);
                });
    }

    private static TicketEvent event(Step step, Instant t) {
        int pick = step.pick();
        return switch (step.kind()) {
            case 0 -> new TicketEvent.StatusChanged(t, WORKING[pick % WORKING.length]);
            case 1 -> new TicketEvent.StatusChanged(t, PAUSING[pick % PAUSING.length]);
            case 2 -> new TicketEvent.Replied(t, TicketEvent.Author.CUSTOMER, pick % 2 == 0);
            case 3 -> new TicketEvent.Note(t);
            case 4 -> new TicketEvent.Replied(t, TicketEvent.Author.AGENT, pick != 0);
            case 5 -> new TicketEvent.PriorityChanged(t, Priority.of("P" + (pick + 1)));
            case 6 -> new TicketEvent.Resolved(t);
            case 7 -> new TicketEvent.StatusChanged(t, pick % 2 == 0 ? TicketStatus.RESOLVED : TicketStatus.CLOSED);
            case 8 -> new TicketEvent.Reopened(t);
            case 9 -> new TicketEvent.Closed(t);
            default -> new TicketEvent.Cancelled(t);
        };
    }

    @Property(tries = 600)
    void underTheDefaultRulesEveryFigureMatchesTheReference(@ForAll("lives") Life life) {
        assertMatchesTheReference(life, ReopenRule.RESUME, PriorityChangeRule.RETROACTIVE);
    }

    @Property(tries = 600)
    void whenReopeningStartsANewCycleEveryFigureMatchesTheReference(@ForAll("lives") Life life) {
        assertMatchesTheReference(life, ReopenRule.NEW_CYCLE, PriorityChangeRule.RETROACTIVE);
    }

    @Property(tries = 600)
    void whenAPriorityChangeRestartsTheClockEveryFigureMatchesTheReference(@ForAll("lives") Life life) {
        assertMatchesTheReference(life, ReopenRule.RESUME, PriorityChangeRule.RESTART);
    }

    @Property(tries = 600)
    void withNewCyclesAndRestartsEveryFigureMatchesTheReference(@ForAll("lives") Life life) {
        assertMatchesTheReference(life, ReopenRule.NEW_CYCLE, PriorityChangeRule.RESTART);
    }

    /**
     * Compares at the life's instant, at every event's instant, and at every threshold instant the engine
     * gives at the life's instant (crossed or projected) and a second before it: the boundaries where a
     * figure changes. Then stops each clock running at the end of the life exactly at each of its projected
     * threshold instants (an event at that instant comes first), and compares again there and later.
     */
    private static void assertMatchesTheReference(Life life, ReopenRule reopen, PriorityChangeRule change) {
        SlaPolicy policy = life.policy(reopen, change);
        TargetCalendars calendars = life.calendars().of();
        SlaEvaluator engine = new SlaEvaluator(policy, calendars);
        ReferenceEvaluator reference = new ReferenceEvaluator(policy, calendars);
        List<SlaClock> atTheEnd = compare(engine, reference, life);

        Instant last = life.events().get(life.events().size() - 1).at();
        if (life.at().isBefore(last)) {
            return;
        }
        for (SlaClock clock : atTheEnd) {
            if (clock.state() != ClockState.RUNNING) {
                continue;
            }
            for (ThresholdCrossing threshold : clock.thresholds()) {
                if (threshold.crossed() || threshold.at() == null) {
                    continue;
                }
                Instant due = threshold.at();
                List<TicketEvent> stopped = new ArrayList<>(life.events());
                stopped.add(
                        clock.metric() == Metric.FIRST_RESPONSE
                                ? new TicketEvent.Replied(due, TicketEvent.Author.AGENT, true)
                                : new TicketEvent.Resolved(due));
                Life stoppedAtDue = new Life(
                        stopped, due.plus(Duration.ofHours(30)), life.calendars(), life.widePauses(), life.leads());
                compare(engine, reference, stoppedAtDue);
            }
        }
    }

    /** Compares at every instant worth looking at; returns the engine's clocks at the life's instant. */
    private static List<SlaClock> compare(SlaEvaluator engine, ReferenceEvaluator reference, Life life) {
        TicketTimeline timeline = TicketTimeline.of(life.events());

        Set<Instant> instants = new TreeSet<>();
        instants.add(life.at());
        life.events().forEach(event -> instants.add(event.at()));
        List<SlaClock> atTheEnd = engine.evaluate(timeline, life.at());
        for (SlaClock clock : atTheEnd) {
            for (ThresholdCrossing threshold : clock.thresholds()) {
                if (threshold.at() != null && threshold.at().isAfter(timeline.createdAt())) {
                    instants.add(threshold.at());
                    instants.add(threshold.at().minusSeconds(1));
                }
            }
        }
        for (Instant at : instants) {
            if (at.isBefore(timeline.createdAt())) {
                continue;
            }
            Map<Metric, ReferenceEvaluator.Figures> actual = new EnumMap<>(Metric.class);
            engine.evaluate(timeline, at)
                    .forEach(clock -> actual.put(clock.metric(), ReferenceEvaluator.Figures.of(clock)));
            assertThat(actual)
                    .as("clocks evaluated at %s, life %s", at, life)
                    .isEqualTo(reference.evaluate(timeline, at));
        }
        return atTheEnd;
    }
}
