package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a scheduled report is due: hand-computed, in the client's zone, across DST changes. */
class ReportDueDatesTest {

    static Stream<Arguments> dueInstants() {
        return Stream.of(
                // October 2026 in Paris is 745 hours long (summer time ends on the 25th); it closes at
                // midnight on 1 November (CET, +01:00): three days later at 06:00 is 05:00 UTC.
                Arguments.of("2026-10", "Europe/Paris", 3, "2026-11-04T05:00:00Z"),
                // March 2026 in Paris (743 hours, summer time from the 29th): due in summer time, +02:00.
                Arguments.of("2026-03", "Europe/Paris", 3, "2026-04-04T04:00:00Z"),
                // September plus 24 days lands on 25 October, the day Paris goes back to winter time; 06:00 is
                // after the change, so +01:00.
                Arguments.of("2026-09", "Europe/Paris", 24, "2026-10-25T05:00:00Z"),
                // February plus 7 days is 8 March, the day New York springs forward at 02:00: 06:00 EDT.
                Arguments.of("2026-02", "America/New_York", 7, "2026-03-08T10:00:00Z"),
                // The same month, one day earlier: still EST.
                Arguments.of("2026-02", "America/New_York", 6, "2026-03-07T11:00:00Z"),
                // A quarter: Q3 closes at midnight on 1 October in New York (EDT, -04:00).
                Arguments.of("2026-Q3", "America/New_York", 5, "2026-10-06T10:00:00Z"),
                // Q4 closes at the year's end; zero days after close is the first morning of the new year.
                Arguments.of("2026-Q4", "UTC", 0, "2027-01-01T06:00:00Z"),
                // Auckland is a day ahead: its October closes while it is still 31 October in UTC, and the
                // report is due on the evening of 31 October, UTC (NZDT, +13:00).
                Arguments.of("2026-10", "Pacific/Auckland", 0, "2026-10-31T17:00:00Z"),
                // The longest wait allowed, across February of a leap year.
                Arguments.of("2028-01", "UTC", 28, "2028-02-29T06:00:00Z"));
    }

    @ParameterizedTest(name = "{0} in {1}, {2} days after close: {3}")
    @MethodSource("dueInstants")
    void aReportIsDueAtSixInTheMorningInTheClientsZone(String period, String zone, int days, String due) {
        assertThat(ReportDueDates.dueAt(ReportPeriod.parse(period, null, null), ZoneId.of(zone), days))
                .isEqualTo(Instant.parse(due));
    }

    @Test
    void theDueInstantDoesNotDependOnHowLongTheMonthWasInHours() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        ReportPeriod october = ReportPeriod.parse("2026-10", null, null);
        assertThat(Duration.between(october.start(paris), october.end(paris))).isEqualTo(Duration.ofHours(745));
        assertThat(Duration.between(october.end(paris), ReportDueDates.dueAt(october, paris, 1)))
                .isEqualTo(Duration.ofHours(30));
    }

    static Stream<Arguments> periodsHolding() {
        return Stream.of(
                Arguments.of(ReportPeriod.Kind.MONTH, "2026-12-31", "2026-12", "2027-01"),
                Arguments.of(ReportPeriod.Kind.MONTH, "2028-02-29", "2028-02", "2028-03"),
                Arguments.of(ReportPeriod.Kind.QUARTER, "2026-08-15", "2026-Q3", "2026-Q4"),
                Arguments.of(ReportPeriod.Kind.QUARTER, "2026-12-31", "2026-Q4", "2027-Q1"),
                Arguments.of(ReportPeriod.Kind.QUARTER, "2027-01-01", "2027-Q1", "2027-Q2"));
    }

    @ParameterizedTest(name = "{0} holding {1}: {2}, then {3}")
    @MethodSource("periodsHolding")
    void aCadenceWalksFromThePeriodHoldingItsFirstDay(
            ReportPeriod.Kind kind, String date, String holding, String following) {
        ReportPeriod period = ReportDueDates.holding(kind, LocalDate.parse(date));
        assertThat(period.label()).isEqualTo(holding);
        assertThat(ReportDueDates.following(period).label()).isEqualTo(following);
        assertThat(ReportDueDates.following(period).firstDay())
                .isEqualTo(period.lastDay().plusDays(1));
    }

    @Test
    void daysAfterCloseAreZeroToTwentyEight() {
        ReportPeriod october = ReportPeriod.parse("2026-10", null, null);
        assertThatThrownBy(() -> ReportDueDates.dueAt(october, ZoneId.of("UTC"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportDueDates.dueAt(october, ZoneId.of("UTC"), 29))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportDueDates.holding(ReportPeriod.Kind.RANGE, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScheduleIsNextDueAtItsEarlierCadence() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        ReportSchedule both = ReportSchedule.planned(
                java.util.UUID.randomUUID(), true, true, true, 3, LocalDate.of(2026, 8, 15), paris, Instant.EPOCH, "m");
        assertThat(both.nextMonth().period()).isEqualTo("2026-08");
        assertThat(both.nextQuarter().period()).isEqualTo("2026-Q3");
        // August is due on 4 September at 06:00 CEST; Q3 a month later.
        assertThat(both.nextDueAt()).isEqualTo(Instant.parse("2026-09-04T04:00:00Z"));
        assertThat(both.advancedTo(null, both.nextQuarter()).nextDueAt())
                .isEqualTo(Instant.parse("2026-10-04T04:00:00Z"));
        ReportSchedule off = ReportSchedule.planned(
                java.util.UUID.randomUUID(),
                false,
                true,
                true,
                3,
                LocalDate.of(2026, 8, 15),
                paris,
                Instant.EPOCH,
                "m");
        assertThat(off.nextDueAt()).isNull();
    }
}
