package io.pledge.bench;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
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
 * Business-time arithmetic on the Paris office calendar (lunch break, French public holidays, overrides),
 * at random instants over ten years (2026-2035), one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BusinessCalendarBenchmark {

    static final String PARIS_OFFICE = """
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"], "holidays": ["2026-12-26"],
             "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""";

    private static final int SIZE = 4096;
    private static final long FROM = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final long TEN_YEARS = Duration.ofDays(3652).getSeconds();

    BusinessCalendar calendar;
    ReferenceArithmetic reference;
    Instant[] starts = new Instant[SIZE];
    Instant[] ends = new Instant[SIZE];
    Duration[] durations = new Duration[SIZE];
    int next;

    static CalendarDefinition parisOffice() {
        return CalendarDefinition.parse(JsonMapper.builder().build().readValue(PARIS_OFFICE, CalendarDocument.class));
    }

    @Setup
    public void setUp() {
        calendar = BusinessCalendars.of(parisOffice());
        reference = new ReferenceArithmetic(calendar.definition());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SIZE; i++) {
            starts[i] = Instant.ofEpochSecond(FROM + random.nextLong(TEN_YEARS - Duration.ofDays(400).getSeconds()));
            ends[i] = Instant.ofEpochSecond(FROM + random.nextLong(TEN_YEARS));
            durations[i] = Duration.ofSeconds(random.nextLong(Duration.ofHours(200).getSeconds()));
        }
    }

    private int index() {
        next = (next + 1) & (SIZE - 1);
        return next;
    }

    /** Random instant plus a random duration up to 200 business hours. */
    @Benchmark
    public Instant add() {
        int i = index();
        return calendar.add(starts[i], durations[i]);
    }

    /** Business time between two random instants of the ten years. */
    @Benchmark
    public Duration between() {
        int i = index();
        return calendar.between(starts[i], ends[i]);
    }

    @Benchmark
    public Instant addOneHour() {
        return calendar.add(starts[index()], Duration.ofHours(1));
    }

    /** Three years of business time (some 6,700 business hours). */
    @Benchmark
    public Instant addThreeYearsOfBusinessTime() {
        return calendar.add(starts[index()], Duration.ofHours(6700));
    }

    /**
     * Compiling the calendar: 131 years of dates into intervals (holiday dates already cached by the
     * first compilation, as in a running service).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BusinessCalendar compile() {
        return BusinessCalendar.compile(calendar.definition());
    }

    /** The walking reference on the same inputs as {@link #add}. */
    @Benchmark
    public Instant referenceAdd() {
        int i = index();
        return reference.add(starts[i], durations[i]);
    }

    /** The walking reference, between instants up to 30 days apart (the ten-year span would take seconds). */
    @Benchmark
    public Duration referenceBetween() {
        int i = index();
        return reference.between(starts[i], starts[i].plus(Duration.ofDays(i % 30)));
    }
}
