package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.calendar.BusinessDayRule.Ending;
import io.pledge.core.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Business-day deadlines on hand-computed cases (ADR 0040), in the Paris office: Monday 08:30–12:30 and
 * 13:30–18:00, Tuesday to Thursday 08:30–18:00, Friday 08:30–17:00, French holidays, 24 December until
 * noon, 31 December closed. Instants are written in local time with their offset.
 */
class BusinessDayRuleTest {

    private static final BusinessCalendar PARIS = TestCalendars.paris();
    private static final BusinessCalendar ALWAYS = TestCalendars.always("Europe/Paris");

    private static final BusinessDayRule BY_17 = BusinessDayRule.nextBusinessDayBy(LocalTime.of(17, 0));
    private static final BusinessDayRule END_OF_DAY = BusinessDayRule.endOfBusinessDay();

    static Stream<Arguments> deadlinesInTheParisOffice() {
        return Stream.of(
                Arguments.of(BY_17, "2026-03-03T10:00+01:00", "2026-03-04T17:00+01:00", "a Tuesday morning"),
                Arguments.of(BY_17, "2026-03-27T10:00+01:00", "2026-03-30T17:00+02:00", "Friday, over the DST weekend"),
                Arguments.of(BY_17, "2026-03-27T16:59:59+01:00", "2026-03-30T17:00+02:00", "a second before close"),
                Arguments.of(BY_17, "2026-03-27T17:00+01:00", "2026-03-31T17:00+02:00", "exactly at Friday's close"),
                Arguments.of(BY_17, "2026-03-27T19:30+01:00", "2026-03-31T17:00+02:00", "Friday evening"),
                Arguments.of(BY_17, "2026-03-28T11:00+01:00", "2026-03-31T17:00+02:00", "on a Saturday"),
                Arguments.of(BY_17, "2026-03-30T07:00+02:00", "2026-03-31T17:00+02:00", "before Monday's opening"),
                Arguments.of(BY_17, "2026-03-30T08:30+02:00", "2026-03-31T17:00+02:00", "exactly at the opening"),
                Arguments.of(BY_17, "2026-04-06T10:00+02:00", "2026-04-08T17:00+02:00", "on Easter Monday (FR)"),
                Arguments.of(BY_17, "2026-05-13T10:00+02:00", "2026-05-15T17:00+02:00", "the eve of Ascension (FR)"),
                Arguments.of(BY_17, "2026-12-24T11:00+01:00", "2026-12-28T17:00+01:00", "Christmas Eve's half day"),
                Arguments.of(BY_17, "2026-10-23T12:00+02:00", "2026-10-26T17:00+01:00", "over the autumn DST weekend"),
                Arguments.of(
                        BusinessDayRule.nextBusinessDayBy(LocalTime.of(18, 30)),
                        "2026-03-02T10:00+01:00",
                        "2026-03-03T18:00+01:00",
                        "by a time after close: the close"),
                Arguments.of(
                        BusinessDayRule.nextBusinessDayBy(LocalTime.of(8, 0)),
                        "2026-03-02T10:00+01:00",
                        "2026-03-02T18:00+01:00",
                        "by a time before opening: the last close before it"),
                Arguments.of(
                        BusinessDayRule.nextBusinessDayBy(LocalTime.of(13, 0)),
                        "2026-03-06T10:00+01:00",
                        "2026-03-09T12:30+01:00",
                        "by a time in Monday's lunch break: the close before it"),
                Arguments.of(END_OF_DAY, "2026-03-02T07:00+01:00", "2026-03-02T18:00+01:00", "before opening"),
                Arguments.of(END_OF_DAY, "2026-03-02T12:45+01:00", "2026-03-02T18:00+01:00", "in the lunch break"),
                Arguments.of(END_OF_DAY, "2026-03-02T17:59+01:00", "2026-03-02T18:00+01:00", "a minute before close"),
                Arguments.of(END_OF_DAY, "2026-03-02T18:00+01:00", "2026-03-03T18:00+01:00", "exactly at close"),
                Arguments.of(END_OF_DAY, "2026-03-28T10:00+01:00", "2026-03-30T18:00+02:00", "on a Saturday"),
                Arguments.of(END_OF_DAY, "2026-12-24T10:00+01:00", "2026-12-24T12:00+01:00", "a half-day override"),
                Arguments.of(END_OF_DAY, "2026-12-24T13:00+01:00", "2026-12-28T18:00+01:00", "after the half day"),
                Arguments.of(
                        BusinessDayRule.businessDays(3, Ending.TIME_OF_DAY),
                        "2026-03-25T10:00+01:00",
                        "2026-03-30T10:00+02:00",
                        "3 days at the time of day, over the DST weekend"),
                Arguments.of(
                        BusinessDayRule.businessDays(2, Ending.TIME_OF_DAY),
                        "2026-04-02T15:00+02:00",
                        "2026-04-07T15:00+02:00",
                        "2 days over Easter Monday"),
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-03-02T19:00+01:00",
                        "2026-03-03T18:00+01:00",
                        "after close: from the next opening, a full business day"),
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-03-28T15:00+01:00",
                        "2026-03-30T18:00+02:00",
                        "on a Saturday: from Monday's opening, a full business day"),
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-03-05T17:30+01:00",
                        "2026-03-06T17:00+01:00",
                        "a time of day after Friday's close: Friday's close"),
                Arguments.of(
                        BusinessDayRule.businessDays(2, Ending.CLOSE),
                        "2026-10-23T11:00+02:00",
                        "2026-10-27T18:00+01:00",
                        "2 days at close, over the autumn DST weekend"),
                Arguments.of(
                        BusinessDayRule.businessDays(5, Ending.CLOSE),
                        "2026-12-23T09:00+01:00",
                        "2027-01-04T18:00+01:00",
                        "5 days at close over Christmas and New Year"));
    }

    @ParameterizedTest(name = "{3}: {1} -> {2}")
    @MethodSource("deadlinesInTheParisOffice")
    void fixesTheDeadlineInTheParisOffice(BusinessDayRule rule, String start, String deadline, String why) {
        assertThat(rule.deadline(PARIS, at(start))).isEqualTo(at(deadline));
        assertThat(rule.budget(PARIS, at(start))).isEqualTo(PARIS.between(at(start), at(deadline)));
    }

    static Stream<Arguments> deadlinesAroundTheClock() {
        return Stream.of(
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-03-28T10:00+01:00",
                        "2026-03-29T10:00+02:00",
                        "PT23H"),
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-10-24T10:00+02:00",
                        "2026-10-25T10:00+01:00",
                        "PT25H"),
                // 02:30 on 29 March does not exist: it moves later by the gap, to 03:30.
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-03-28T02:30+01:00",
                        "2026-03-29T03:30+02:00",
                        "PT24H"),
                // 02:30 on 25 October happens twice: the earlier offset.
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-10-24T02:30+02:00",
                        "2026-10-25T02:30+02:00",
                        "PT24H"),
                Arguments.of(
                        BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY),
                        "2026-10-25T02:30+01:00",
                        "2026-10-26T02:30+01:00",
                        "PT24H"),
                Arguments.of(BY_17, "2026-10-24T20:00+02:00", "2026-10-25T17:00+01:00", "PT22H"),
                Arguments.of(BY_17, "2026-03-28T20:00+01:00", "2026-03-29T17:00+02:00", "PT20H"),
                Arguments.of(END_OF_DAY, "2026-10-25T01:00+02:00", "2026-10-26T00:00+01:00", "PT24H"),
                Arguments.of(END_OF_DAY, "2026-03-29T01:00+01:00", "2026-03-30T00:00+02:00", "PT22H"));
    }

    @ParameterizedTest(name = "24x7: {1} -> {2} ({3})")
    @MethodSource("deadlinesAroundTheClock")
    void countsRealDaysInAnAlwaysOpenCalendar(BusinessDayRule rule, String start, String deadline, String budget) {
        assertThat(rule.deadline(ALWAYS, at(start))).isEqualTo(at(deadline));
        assertThat(rule.budget(ALWAYS, at(start))).isEqualTo(Duration.parse(budget));
    }

    @Test
    void knowsBusinessDaysAndTheirClose() {
        assertThat(PARIS.isBusinessDay(LocalDate.of(2026, 3, 27))).isTrue();
        assertThat(PARIS.isBusinessDay(LocalDate.of(2026, 3, 28))).isFalse();
        assertThat(PARIS.isBusinessDay(LocalDate.of(2026, 4, 6)))
                .as("Easter Monday")
                .isFalse();
        assertThat(PARIS.isBusinessDay(LocalDate.of(2026, 12, 31)))
                .as("closed by override")
                .isFalse();
        assertThat(PARIS.closeOfBusiness(LocalDate.of(2026, 12, 24))).contains(at("2026-12-24T12:00+01:00"));
        assertThat(PARIS.closeOfBusiness(LocalDate.of(2026, 3, 28))).isEmpty();
        assertThat(ALWAYS.closeOfBusiness(LocalDate.of(2026, 3, 29))).contains(at("2026-03-30T00:00+02:00"));
    }

    @Test
    void failsWhenNoBusinessDayFollowsInTheCalendar() {
        assertThatThrownBy(() ->
                        BusinessDayRule.businessDays(3, Ending.CLOSE).deadline(PARIS, at("2100-12-30T10:00+01:00")))
                .isInstanceOf(CalendarRangeException.class);
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of(new BusinessDayRule.Document("NEXT_BUSINESS_DAY", null, null, "25:00"), "t.by"),
                Arguments.of(new BusinessDayRule.Document("NEXT_BUSINESS_DAY", null, null, "9:00"), "t.by"),
                Arguments.of(new BusinessDayRule.Document("NEXT_BUSINESS_DAY", null, null, null), "t.by"),
                Arguments.of(new BusinessDayRule.Document("NEXT_BUSINESS_DAY", 2, null, "17:00"), "t.days"),
                Arguments.of(new BusinessDayRule.Document("BUSINESS_DAYS", 0, "CLOSE", null), "t.days"),
                Arguments.of(new BusinessDayRule.Document("BUSINESS_DAYS", 1001, "CLOSE", null), "t.days"),
                Arguments.of(new BusinessDayRule.Document("BUSINESS_DAYS", null, "CLOSE", null), "t.days"),
                Arguments.of(new BusinessDayRule.Document("BUSINESS_DAYS", 3, "NOON", null), "t.ending"),
                Arguments.of(new BusinessDayRule.Document("BUSINESS_DAYS", 3, null, null), "t.ending"),
                Arguments.of(new BusinessDayRule.Document("END_OF_BUSINESS_DAY", null, null, "17:00"), "t.by"),
                Arguments.of(new BusinessDayRule.Document("NEXT_WEEK", null, null, null), "t.kind"),
                Arguments.of(new BusinessDayRule.Document(null, 3, "CLOSE", null), "t.kind"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badDocuments")
    void namesTheFieldOfABadDocument(BusinessDayRule.Document document, String field) {
        Violations violations = new Violations();

        assertThat(BusinessDayRule.parse(document, "t", violations)).isNull();
        assertThat(violations.list()).extracting(v -> v.field()).containsExactly(field);
    }

    @Test
    void readsAndWritesItsDocument() {
        for (BusinessDayRule rule : new BusinessDayRule[] {
            BY_17,
            END_OF_DAY,
            BusinessDayRule.businessDays(3, Ending.CLOSE),
            BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY)
        }) {
            Violations violations = new Violations();
            assertThat(BusinessDayRule.parse(rule.toDocument(), "t", violations))
                    .isEqualTo(rule);
            assertThat(violations.isEmpty()).isTrue();
        }
        assertThat(BY_17.describe()).isEqualTo("next business day by 17:00");
        assertThat(BusinessDayRule.businessDays(3, Ending.CLOSE).describe())
                .isEqualTo("3 business days, at close of business");
        assertThat(BusinessDayRule.businessDays(1, Ending.TIME_OF_DAY).describe())
                .isEqualTo("1 business day");
        assertThat(END_OF_DAY.describe()).isEqualTo("end of business day");
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local).toInstant();
    }
}
