package io.pledge.bench;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.core.Violations;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaClock;
import io.pledge.sla.SlaEvaluator;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.SlaPolicyDocument;
import io.pledge.sla.TicketEvent;
import io.pledge.sla.TicketStatus;
import io.pledge.sla.TicketTimeline;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluating a ten-event ticket timeline (pauses on the customer and a vendor, replies, a note, a
 * priority change, a resolution and a reopening) with both metrics on the Paris office calendar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SlaEvaluatorBenchmark {

    SlaEvaluator evaluator;
    TicketTimeline timeline;
    Instant at;

    @Setup
    public void setUp() {
        BusinessCalendar office = BusinessCalendars.of(BusinessCalendarBenchmark.parisOffice());
        SlaPolicyDocument document = JsonMapper.builder().build().readValue("""
                {"targets": [{"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                             {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"},
                             {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
                             {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}]}""", SlaPolicyDocument.class);
        Violations violations = new Violations();
        SlaPolicy policy = SlaPolicy.parse(document, PriorityScheme.STANDARD, violations);
        violations.throwIfAny();
        evaluator = new SlaEvaluator(policy, target -> office);
        timeline = TicketTimeline.of(List.of(
                new TicketEvent.Created(Instant.parse("2026-03-30T07:00:00Z"), Priority.of("P2")),
                new TicketEvent.Replied(Instant.parse("2026-03-30T07:10:00Z"), TicketEvent.Author.CUSTOMER, true),
                new TicketEvent.Note(Instant.parse("2026-03-30T07:20:00Z")),
                new TicketEvent.Replied(Instant.parse("2026-03-30T07:40:00Z"), TicketEvent.Author.AGENT, true),
                new TicketEvent.StatusChanged(Instant.parse("2026-03-30T08:00:00Z"), TicketStatus.WAITING_ON_VENDOR),
                new TicketEvent.StatusChanged(Instant.parse("2026-03-30T12:00:00Z"), TicketStatus.IN_PROGRESS),
                new TicketEvent.PriorityChanged(Instant.parse("2026-03-30T13:00:00Z"), Priority.of("P1")),
                new TicketEvent.StatusChanged(Instant.parse("2026-03-30T14:00:00Z"), TicketStatus.WAITING_ON_CUSTOMER),
                new TicketEvent.Resolved(Instant.parse("2026-03-31T09:00:00Z")),
                new TicketEvent.Reopened(Instant.parse("2026-03-31T10:00:00Z"))));
        at = Instant.parse("2026-03-31T12:00:00Z");
    }

    /** The clocks and every figure of them; the explaining timeline is built only when read. */
    @Benchmark
    public List<SlaClock> evaluate() {
        return evaluator.evaluate(timeline, at);
    }

    /** The same, reading the explaining timeline of both clocks, as the API does. */
    @Benchmark
    public int evaluateWithTimeline() {
        int entries = 0;
        for (SlaClock clock : evaluator.evaluate(timeline, at)) {
            entries += clock.timeline().size();
        }
        return entries;
    }
}
