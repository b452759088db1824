package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Business-time arithmetic on hand-computed cases; instants are written in local time with offset. */
class BusinessCalendarTest {

    private static final BusinessCalendar PARIS = TestCalendars.paris();

    static Stream<Arguments> additionsInTheParisOffice() {
        return Stream.of(
                // Friday 17:00 is closing time; the weekend and the spring-forward Sunday are closed.
                Arguments.of("2026-03-27T17:00+01:00", "PT4H", "2026-03-30T12:30+02:00", "weekend, DST change"),
                Arguments.of("2026-03-27T16:00+01:00", "PT1H", "2026-03-27T17:00+01:00", "ends exactly at closing"),
                Arguments.of("2026-03-30T08:30+02:00", "PT4H", "2026-03-30T12:30+02:00", "ends at lunch closing"),
                Arguments.of("2026-03-30T12:00+02:00", "PT1H", "2026-03-30T14:00+02:00", "across the lunch break"),
                Arguments.of("2026-03-30T12:45+02:00", "PT15M", "2026-03-30T13:45+02:00", "start during lunch"),
                Arguments.of("2026-03-28T10:00+01:00", "PT30M", "2026-03-30T09:00+02:00", "start on a Saturday"),
                Arguments.of("2026-04-30T17:00+02:00", "PT2H", "2026-05-04T09:30+02:00", "May Day holiday (FR)"),
                Arguments.of("2026-07-13T17:00+02:00", "PT2H", "2026-07-15T09:30+02:00", "Bastille Day (FR)"),
                Arguments.of(
                        "2026-12-24T11:00+01:00", "PT2H", "2026-12-28T09:30+01:00", "half-day override, Christmas"),
                Arguments.of("2026-12-30T17:00+01:00", "PT2H", "2027-01-04T09:30+01:00", "closing override, New Year"),
                Arguments.of("2026-10-23T16:00+02:00", "PT2H", "2026-10-26T09:30+01:00", "autumn DST weekend"),
                Arguments.of(
                        "2026-03-30T09:00+02:00",
                        "PT45H",
                        "2026-04-03T17:00+02:00",
                        "one business week (Friday closing)"),
                Arguments.of("2026-03-30T09:00+02:00", "PT0S", "2026-03-30T09:00+02:00", "zero is the identity"),
                Arguments.of("2026-03-28T09:00+01:00", "PT0S", "2026-03-28T09:00+01:00", "zero, even when closed"),
                Arguments.of("2026-03-30T09:30+02:00", "-PT2H", "2026-03-27T16:00+01:00", "backwards over a weekend"),
                Arguments.of("2026-03-30T09:30+02:00", "-PT1H", "2026-03-30T08:30+02:00", "backwards to an opening"),
                Arguments.of("2026-03-30T14:00+02:00", "-PT1H", "2026-03-30T12:00+02:00", "backwards over lunch"));
    }

    @ParameterizedTest(name = "{3}: {0} + {1} = {2}")
    @MethodSource("additionsInTheParisOffice")
    void addsBusinessTimeInTheParisOffice(String start, String duration, String end, String why) {
        assertThat(PARIS.add(at(start), Duration.parse(duration))).isEqualTo(at(end));
        if (!Duration.parse(duration).isNegative()) {
            assertThat(PARIS.between(at(start), at(end))).isEqualTo(Duration.parse(duration));
        }
    }

    static Stream<Arguments> spansInTheParisOffice() {
        return Stream.of(
                Arguments.of("2026-03-27T16:00+01:00", "2026-03-30T09:30+02:00", "PT2H"),
                Arguments.of("2026-03-30T08:00+02:00", "2026-03-30T19:00+02:00", "PT8H30M"),
                Arguments.of("2026-03-31T08:00+02:00", "2026-03-31T19:00+02:00", "PT9H30M"),
                Arguments.of("2026-12-21T00:00+01:00", "2027-01-04T00:00+01:00", "PT58H30M"),
                Arguments.of("2026-07-14T00:00+02:00", "2026-07-15T00:00+02:00", "PT0S"),
                Arguments.of("2026-03-30T09:30+02:00", "2026-03-27T16:00+01:00", "-PT2H"));
    }

    @ParameterizedTest(name = "between {0} and {1} = {2}")
    @MethodSource("spansInTheParisOffice")
    void measuresBusinessTimeInTheParisOffice(String start, String end, String expected) {
        assertThat(PARIS.between(at(start), at(end))).isEqualTo(Duration.parse(expected));
    }

    @Test
    void alwaysOpenCountsRealTimeAcrossDaylightSavingChanges() {
        BusinessCalendar paris = TestCalendars.always("Europe/Paris");
        BusinessCalendar newYork = TestCalendars.always("America/New_York");

        assertThat(paris.between(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(paris.between(at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(newYork.between(at("2026-03-08T00:00-05:00"), at("2026-03-09T00:00-04:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(newYork.between(at("2026-11-01T00:00-04:00"), at("2026-11-02T00:00-05:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(paris.add(at("2026-03-28T12:00+01:00"), Duration.ofHours(24)))
                .isEqualTo(at("2026-03-29T13:00+02:00"));
        assertThat(newYork.add(at("2026-11-01T00:30-04:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-01T01:30-05:00"));
    }

    @Test
    void localHoursInADaylightSavingGapMoveLater() {
        // 02:00-03:00 does not exist in Paris on 2026-03-29: 01:00 CET is 00:00Z, 04:00 CEST is 02:00Z.
        BusinessCalendar night = TestCalendars.compiled(
                "{\"name\": \"Night\", \"zone\": \"Europe/Paris\", \"hours\": {\"sun\": [[\"01:00\", \"04:00\"]]}}");
        BusinessCalendar gap = TestCalendars.compiled(
                "{\"name\": \"Gap\", \"zone\": \"Europe/Paris\", \"hours\": {\"sun\": [[\"02:00\", \"02:30\"]]}}");

        assertThat(night.between(at("2026-03-29T00:00Z"), at("2026-03-30T00:00Z")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.between(at("2026-03-22T00:00Z"), at("2026-03-23T00:00Z")))
                .isEqualTo(Duration.ofHours(3));
        // [02:00, 02:30) resolves to [03:00, 03:30) CEST on the day of the change.
        assertThat(gap.nextOpen(at("2026-03-29T00:00Z"))).contains(at("2026-03-29T03:00+02:00"));
        assertThat(gap.between(at("2026-03-29T00:00Z"), at("2026-03-30T00:00Z")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void localHoursInAnOverlapTakeTheEarlierOffset() {
        // 02:00-03:00 happens twice in Paris on 2026-10-25; 02:30 means the first (+02:00).
        BusinessCalendar early = TestCalendars.compiled(
                "{\"name\": \"Early\", \"zone\": \"Europe/Paris\", \"hours\": {\"sun\": [[\"02:30\", \"03:30\"]]}}");

        assertThat(early.nextOpen(at("2026-10-25T00:00Z"))).contains(at("2026-10-25T02:30+02:00"));
        assertThat(early.between(at("2026-10-25T00:00Z"), at("2026-10-26T00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aHolidaySetAndAnOverrideOnTheSameDateTakeTheOverride() {
        BusinessCalendar calendar = TestCalendars.compiled("""
                {"name": "Bastille", "zone": "Europe/Paris", "hours": {"tue": [["08:00","18:00"]]},
                 "holidaySets": ["FR"], "overrides": {"2026-07-14": [["09:00","12:00"]]}}""");

        assertThat(calendar.between(at("2026-07-14T00:00+02:00"), at("2026-07-15T00:00+02:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(calendar.between(at("2027-07-13T00:00+02:00"), at("2027-07-14T00:00+02:00")))
                .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void theTwentyNinthOfFebruaryIsAnOrdinaryDateOrAHoliday() {
        BusinessCalendar leap = TestCalendars.compiled("""
                {"name": "Leap", "zone": "UTC", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]]},
                 "holidays": ["2028-02-29"]}""");
        BusinessCalendar plain = TestCalendars.compiled(
                "{\"name\": \"Plain\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"09:00\",\"17:00\"]]}}");

        assertThat(leap.add(at("2028-02-28T16:00Z"), Duration.ofHours(2))).isEqualTo(at("2028-03-06T10:00Z"));
        assertThat(plain.add(at("2028-02-28T16:00Z"), Duration.ofHours(2))).isEqualTo(at("2028-02-29T11:00Z"));
    }

    @Test
    void holidaysAtTheEndOfTheYearCloseBothYears() {
        BusinessCalendar calendar = TestCalendars.compiled("""
                {"name": "Year end", "zone": "Europe/Paris", "hours": "24x7", "holidaySets": ["FR"]}""");

        // 2026-12-25 and 2027-01-01 are French public holidays.
        assertThat(calendar.between(at("2026-12-24T00:00+01:00"), at("2027-01-03T00:00+01:00")))
                .isEqualTo(Duration.ofDays(8));
        assertThat(calendar.add(at("2026-12-31T23:00+01:00"), Duration.ofHours(2)))
                .isEqualTo(at("2027-01-02T01:00+01:00"));
    }

    @Test
    void opensAndClosesAroundAnInstant() {
        assertThat(PARIS.isOpen(at("2026-03-30T08:30+02:00"))).isTrue();
        assertThat(PARIS.isOpen(at("2026-03-30T12:30+02:00"))).isFalse();
        assertThat(PARIS.isOpen(at("2026-03-28T10:00+01:00"))).isFalse();
        assertThat(PARIS.nextOpen(at("2026-03-30T10:00+02:00"))).contains(at("2026-03-30T10:00+02:00"));
        assertThat(PARIS.nextOpen(at("2026-03-30T12:30+02:00"))).contains(at("2026-03-30T13:30+02:00"));
        assertThat(PARIS.nextOpen(at("2026-03-27T17:00+01:00"))).contains(at("2026-03-30T08:30+02:00"));
        assertThat(PARIS.nextClose(at("2026-03-30T10:00+02:00"))).contains(at("2026-03-30T12:30+02:00"));
        assertThat(PARIS.nextClose(at("2026-03-28T10:00+01:00"))).contains(at("2026-03-30T12:30+02:00"));
        assertThat(TestCalendars.always("UTC").nextClose(at("2026-03-30T10:00Z")))
                .isEmpty();
    }

    @Test
    void theCompiledSpanCoversNineteenSeventyToTwentyHundred() {
        BusinessCalendar always = TestCalendars.always("UTC");

        assertThat(PARIS.add(at("1970-01-01T00:00+01:00"), Duration.ofHours(1)))
                .isEqualTo(at("1970-01-02T09:30+01:00"));
        assertThat(always.between(at("1970-01-01T00:00Z"), at("2101-01-01T00:00Z")))
                .isEqualTo(Duration.ofDays(47_847));
        assertThatThrownBy(() -> PARIS.between(at("1969-12-31T00:00Z"), at("2026-01-01T00:00Z")))
                .isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> always.add(at("2100-12-31T00:00Z"), Duration.ofDays(2)))
                .isInstanceOf(CalendarRangeException.class);
    }

    @Test
    void aCalendarThatNeverOpensHasNoBusinessTime() {
        BusinessCalendar never = TestCalendars.compiled("{\"name\": \"Never\", \"zone\": \"UTC\", \"hours\": {}}");

        assertThat(never.between(at("2026-01-01T00:00Z"), at("2027-01-01T00:00Z")))
                .isZero();
        assertThat(never.nextOpen(at("2026-01-01T00:00Z"))).isEmpty();
        assertThatThrownBy(() -> never.add(at("2026-01-01T00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(CalendarRangeException.class);
    }

    @Test
    void subSecondInstantsAreExact() {
        Instant start = at("2026-03-30T12:29:59.750+02:00");

        assertThat(PARIS.add(start, Duration.ofMillis(500))).isEqualTo(at("2026-03-30T13:30:00.250+02:00"));
        assertThat(PARIS.between(start, at("2026-03-30T13:30:00.250+02:00"))).isEqualTo(Duration.ofMillis(500));
    }

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
