package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Properties of business-time arithmetic, checked against {@link ReferenceCalendar} on calendars that
 * exercise lunch breaks, holidays, overrides, night shifts across midnight and daylight-saving gaps.
 */
class BusinessCalendarProperties {

    private static final String NIGHT_SHIFT = """
            {"name": "Night shift", "zone": "America/New_York",
             "hours": {"mon": [["00:00","06:00"],["22:00","24:00"]], "tue": [["00:00","06:00"],["22:00","24:00"]],
                       "sun": [["01:00","04:00"],["22:00","24:00"]]},
             "holidaySets": ["US-NY"], "overrides": {"2026-11-26": [], "2027-03-14": [["02:00","02:45"]]}}""";

    private static final String ALWAYS_WITH_HOLIDAYS = """
            {"name": "24x7 but Christmas", "zone": "Europe/Paris", "hours": "24x7", "holidays": ["2026-12-25", "2027-12-25"]}""";

    private static final BusinessCalendar[] CALENDARS = {
        TestCalendars.paris(), TestCalendars.compiled(NIGHT_SHIFT), TestCalendars.compiled(ALWAYS_WITH_HOLIDAYS)
    };

    private static final long FROM = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> seconds = Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
        // Also instants exactly on the minute, where openings and closings fall.
        Arbitrary<Instant> minutes =
                Arbitraries.longs().between(FROM / 60, TO / 60).map(m -> Instant.ofEpochSecond(m * 60));
        return Arbitraries.oneOf(seconds, minutes);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 400 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> quarterHours =
                Arbitraries.longs().between(0, 400 * 4).map(q -> Duration.ofMinutes(15 * q));
        return Arbitraries.oneOf(seconds, quarterHours);
    }

    @Property(tries = 400)
    void addAgreesWithTheReference(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        assertThat(calendar.add(start, duration))
                .isEqualTo(new ReferenceCalendar(calendar.definition()).add(start, duration));
    }

    @Property(tries = 400)
    void betweenAgreesWithTheReference(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("durations") Duration span) {
        Instant end = start.plus(span.dividedBy(2));
        ReferenceCalendar reference = new ReferenceCalendar(calendar.definition());

        assertThat(calendar.between(start, end)).isEqualTo(reference.between(start, end));
        assertThat(calendar.between(end, start)).isEqualTo(reference.between(end, start));
    }

    @Property
    void betweenUndoesAdd(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        assertThat(calendar.between(start, calendar.add(start, duration))).isEqualTo(duration);
        assertThat(calendar.between(calendar.add(start, duration.negated()), start))
                .isEqualTo(duration);
    }

    @Property
    void addingInTwoStepsIsAddingOnce(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("durations") Duration first,
            @ForAll("durations") Duration second) {
        assertThat(calendar.add(calendar.add(start, first), second)).isEqualTo(calendar.add(start, first.plus(second)));
    }

    @Property
    void addIsMonotonic(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instantPairs") Tuple2<Instant, Instant> instants,
            @ForAll("durations") Duration shorter,
            @ForAll("durations") Duration extra) {
        Instant earlier = instants.get1();
        Instant later = instants.get2();
        assertThat(calendar.add(earlier, shorter)).isBeforeOrEqualTo(calendar.add(later, shorter));
        assertThat(calendar.add(earlier, shorter)).isBeforeOrEqualTo(calendar.add(earlier, shorter.plus(extra)));
        assertThat(calendar.add(earlier, shorter)).isAfterOrEqualTo(earlier);
    }

    @Property
    void betweenIsAdditive(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant a,
            @ForAll("instants") Instant b,
            @ForAll("instants") Instant c) {
        assertThat(calendar.between(a, b).plus(calendar.between(b, c))).isEqualTo(calendar.between(a, c));
        assertThat(calendar.between(a, b)).isEqualTo(calendar.between(b, a).negated());
    }

    @Property
    void aDurationEndsInsideOrAtTheCloseOfBusinessHours(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        Instant end = calendar.add(start, duration);
        if (!duration.isZero()) {
            // Never a later opening: the instant just before the end is business time.
            assertThat(calendar.isOpen(end.minusNanos(1))).isTrue();
        }
    }

    @Provide
    Arbitrary<Tuple2<Instant, Instant>> instantPairs() {
        return instants()
                .tuple2()
                .map(pair -> pair.get1().isAfter(pair.get2()) ? Tuple.of(pair.get2(), pair.get1()) : pair);
    }
}
