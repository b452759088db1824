package io.pledge.monitoring.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Availability, error budget and burn rates against hand-computed cases. */
class AvailabilityTest {

    private static final BigDecimal TARGET = new BigDecimal("99.9");

    static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    static Span span(String from, String to) {
        return Span.of(t(from), t(to));
    }

    /** period, downtime, maintenance, gaps → counted downtime, excluded time, availability. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // 10 min down in a 10-hour day: 600 / 36000 → 98.333333 %.
                Arguments.of(
                        span("08:00:00", "18:00:00"),
                        List.of(span("09:00:00", "09:10:00")),
                        List.of(),
                        List.of(),
                        Duration.ofMinutes(10),
                        Duration.ZERO,
                        "98.333333"),
                // The same downtime wholly inside maintenance: not counted, and maintenance leaves the period.
                Arguments.of(
                        span("08:00:00", "18:00:00"),
                        List.of(span("09:00:00", "09:10:00")),
                        List.of(span("08:30:00", "09:30:00")),
                        List.of(),
                        Duration.ZERO,
                        Duration.ofHours(1),
                        "100.000000"),
                // Half in maintenance: 09:00–09:10 down, maintenance 09:05–10:00 → 5 min of 9 h 5 min counted.
                Arguments.of(
                        span("08:00:00", "18:00:00"),
                        List.of(span("09:00:00", "09:10:00")),
                        List.of(span("09:05:00", "10:00:00")),
                        List.of(),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(55),
                        "99.082569"),
                // Downtime starting before the period counts from the period's start only.
                Arguments.of(
                        span("08:00:00", "09:00:00"),
                        List.of(span("07:00:00", "08:06:00")),
                        List.of(),
                        List.of(),
                        Duration.ofMinutes(6),
                        Duration.ZERO,
                        "90.000000"),
                // Overlapping downtime (two alerts at once) counts once.
                Arguments.of(
                        span("08:00:00", "09:00:00"),
                        List.of(span("08:10:00", "08:20:00"), span("08:15:00", "08:25:00")),
                        List.of(),
                        List.of(),
                        Duration.ofMinutes(15),
                        Duration.ZERO,
                        "75.000000"),
                // A monitoring gap is excluded like maintenance; maintenance and gap overlapping count once.
                Arguments.of(
                        span("08:00:00", "09:00:00"),
                        List.of(span("08:00:00", "08:30:00")),
                        List.of(span("08:00:00", "08:10:00")),
                        List.of(span("08:05:00", "08:20:00")),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(20),
                        "75.000000"),
                // All of the period in maintenance: nothing counted, 100 %.
                Arguments.of(
                        span("08:00:00", "09:00:00"),
                        List.of(span("08:00:00", "09:00:00")),
                        List.of(span("07:00:00", "10:00:00")),
                        List.of(),
                        Duration.ZERO,
                        Duration.ofHours(1),
                        "100.000000"),
                // Downtime to the second: 1 s in a day.
                Arguments.of(
                        Span.of(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")),
                        List.of(span("12:00:00", "12:00:01")),
                        List.of(),
                        List.of(),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        "99.998843"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void availabilityExcludesMaintenanceAndGaps(
            Span period,
            List<Span> downtime,
            List<Span> maintenance,
            List<Span> gaps,
            Duration counted,
            Duration excluded,
            String availability) {
        AvailabilityReport report = Availability.over(period, downtime, maintenance, gaps, TARGET, Measure.ELAPSED);
        assertThat(report.downtime()).isEqualTo(counted);
        assertThat(report.maintenance().plus(report.gaps())).isEqualTo(excluded);
        assertThat(report.availability()).isEqualByComparingTo(availability);
        assertThat(report.counted()).isEqualTo(period.duration().minus(excluded));
    }

    @Test
    void theErrorBudgetOf999PercentOverThirtyDaysIs43Minutes12Seconds() {
        assertThat(Availability.budget(Duration.ofDays(30), TARGET)).isEqualTo(Duration.parse("PT43M12S"));
        Span month = Span.of(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        AvailabilityReport report = Availability.over(
                month,
                List.of(Span.of(Instant.parse("2026-04-10T10:00:00Z"), Instant.parse("2026-04-10T10:40:00Z"))),
                List.of(),
                List.of(),
                TARGET,
                Measure.ELAPSED);
        assertThat(report.allowed()).isEqualTo(Duration.parse("PT43M12S"));
        assertThat(report.remaining()).isEqualTo(Duration.parse("PT3M12S"));
        assertThat(report.availability()).isEqualByComparingTo("99.907407");
        assertThat(report.meetsTarget()).isTrue();
    }

    @Test
    void aMonitorCreatedTodayAndDownEverSinceDoesNotMeetItsTargetForTheQuarter() {
        Span quarter = Span.of(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-02T12:00:00Z"));
        Instant created = Instant.parse("2026-12-02T08:00:00Z");
        List<Span> watched = List.of(Span.of(created, quarter.end()));
        List<Span> down = List.of(Span.of(created, quarter.end()));
        AvailabilityReport report =
                Availability.over(quarter, watched, down, List.of(), List.of(), TARGET, Measure.ELAPSED);
        assertThat(report.availability()).isEqualByComparingTo("0");
        assertThat(report.meetsTarget()).isFalse();
        assertThat(report.covered()).isEqualTo(Duration.ofHours(4));
        assertThat(report.counted()).isEqualTo(Duration.ofHours(4));
        assertThat(report.downtime()).isEqualTo(Duration.ofHours(4));
        assertThat(report.coverageSpans()).containsExactly(Span.of(created, quarter.end()));
        // 4 h of the 1,500 h since the quarter began.
        assertThat(report.coverage()).isEqualByComparingTo("0.002667");
        // Counted as if watched all along, the same downtime looked like 99.73 %: the defect.
        assertThat(Availability.over(quarter, down, List.of(), List.of(), TARGET, Measure.ELAPSED)
                        .availability())
                .isEqualByComparingTo("99.733333");
    }

    @Test
    void aPeriodWithoutCoverageHasNoAvailabilityAndMeetsNoTarget() {
        Span day = span("00:00:00", "23:00:00");
        AvailabilityReport report =
                Availability.over(day, List.of(), List.of(), List.of(), List.of(), TARGET, Measure.ELAPSED);
        assertThat(report.availability()).isNull();
        assertThat(report.meetsTarget()).isFalse();
        assertThat(report.coverage()).isEqualByComparingTo("0");
        assertThat(report.covered()).isZero();
        assertThat(report.allowed()).isZero();
        // Watched before the period only: still nothing covered inside it.
        AvailabilityReport before = Availability.over(
                day,
                List.of(Span.of(t("00:00:00").minusSeconds(3600), t("00:00:00"))),
                List.of(),
                List.of(),
                List.of(),
                TARGET,
                Measure.ELAPSED);
        assertThat(before.availability()).isNull();
        assertThat(before.meetsTarget()).isFalse();
    }

    @Test
    void maintenanceGapsAndDowntimeCountInsideTheCoverageOnly() {
        // Watched from 10:00 in a 08:00–12:00 period; maintenance 09:00–10:30; a gap 09:30–11:00; down
        // 08:30–11:30 (as an external tool reported from before): 10:00–12:00 covered, 10:00–11:00
        // excluded, 11:00–11:30 down of 1 h counted.
        AvailabilityReport report = Availability.over(
                span("08:00:00", "12:00:00"),
                List.of(span("10:00:00", "13:00:00")),
                List.of(span("08:30:00", "11:30:00")),
                List.of(span("09:00:00", "10:30:00")),
                List.of(span("09:30:00", "11:00:00")),
                TARGET,
                Measure.ELAPSED);
        assertThat(report.measured()).isEqualTo(Duration.ofHours(4));
        assertThat(report.covered()).isEqualTo(Duration.ofHours(2));
        assertThat(report.maintenance()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.gaps()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.counted()).isEqualTo(Duration.ofHours(1));
        assertThat(report.downtime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.availability()).isEqualByComparingTo("50");
        assertThat(report.coverage()).isEqualByComparingTo("0.5");
        assertThat(report.allowed()).isEqualTo(Duration.ofMillis(3600));
        // All of the covered part in maintenance: nothing to count, 100 %, as for a period in maintenance.
        AvailabilityReport maintained = Availability.over(
                span("08:00:00", "12:00:00"),
                List.of(span("10:00:00", "13:00:00")),
                List.of(),
                List.of(span("09:00:00", "12:00:00")),
                List.of(),
                TARGET,
                Measure.ELAPSED);
        assertThat(maintained.availability()).isEqualByComparingTo("100");
        assertThat(maintained.meetsTarget()).isTrue();
    }

    @Test
    void maintenanceShrinksTheBudget() {
        // 30 days less 10 h of maintenance: 2,556,000 s × 0.1 % = 2,556 s.
        Span month = Span.of(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        AvailabilityReport report = Availability.over(
                month,
                List.of(),
                List.of(Span.of(Instant.parse("2026-04-05T00:00:00Z"), Instant.parse("2026-04-05T10:00:00Z"))),
                List.of(),
                TARGET,
                Measure.ELAPSED);
        assertThat(report.allowed()).isEqualTo(Duration.ofSeconds(2556));
    }

    @Test
    void availabilityIsCountedInTheMonitorsCalendar() {
        // Business hours 09:00–17:00 as a measure: an outage 16:30–10:00 next day costs 1.5 business hours.
        Measure officeHours = (start, end) -> {
            Duration total = Duration.ZERO;
            for (Instant day = Instant.parse("2026-03-01T00:00:00Z");
                    day.isBefore(Instant.parse("2026-03-10T00:00:00Z"));
                    day = day.plus(Duration.ofDays(1))) {
                Span open = Span.of(day.plus(Duration.ofHours(9)), day.plus(Duration.ofHours(17)));
                total = total.plus(open.intersect(Span.of(start, end)).duration());
            }
            return total;
        };
        Span week = Span.of(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"));
        AvailabilityReport report = Availability.over(
                week,
                List.of(Span.of(Instant.parse("2026-03-02T16:30:00Z"), Instant.parse("2026-03-03T10:00:00Z"))),
                List.of(),
                List.of(),
                TARGET,
                officeHours);
        assertThat(report.measured()).isEqualTo(Duration.ofHours(16));
        assertThat(report.downtime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(report.availability()).isEqualByComparingTo("90.625000");
    }

    @Test
    void burnRatesFollowTheMultiWindowMethod() {
        Instant now = t("12:00:00");
        // Down for the last 2 minutes at 99.9 %: 5 min window burns 120/300/0.001 = 400; 1 h: 33.3; 6 h: 5.56.
        List<Span> down = List.of(Span.of(now.minusSeconds(120), now));
        BurnAlerts.Rates rates = BurnAlerts.at(now, down, List.of(), List.of(), TARGET);
        assertThat(rates.last5m()).isCloseTo(400, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.last30m()).isCloseTo(120.0 / 1800 / 0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.last1h()).isCloseTo(120.0 / 3600 / 0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.last6h()).isCloseTo(120.0 / 21600 / 0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.burning(BurnAlerts.Severity.FAST)).isTrue();
        assertThat(rates.burning(BurnAlerts.Severity.SLOW)).isFalse();

        // The same outage ended 10 minutes ago: the short window is clean, the fast alert stops.
        BurnAlerts.Rates later = BurnAlerts.at(now.plusSeconds(600), down, List.of(), List.of(), TARGET);
        assertThat(later.last5m()).isZero();
        assertThat(later.burning(BurnAlerts.Severity.FAST)).isFalse();

        // Inside maintenance nothing burns.
        BurnAlerts.Rates maintained =
                BurnAlerts.at(now, down, List.of(Span.of(now.minusSeconds(3600), now)), List.of(), TARGET);
        assertThat(maintained.last5m()).isZero();
        assertThat(maintained.last6h()).isZero();
    }

    @Test
    void spansSubtractAndUnite() {
        List<Span> merged = Span.union(
                List.of(span("10:00:00", "11:00:00"), span("11:00:00", "12:00:00"), span("09:00:00", "09:30:00")));
        assertThat(merged).containsExactly(span("09:00:00", "09:30:00"), span("10:00:00", "12:00:00"));
        assertThat(Span.minus(
                        List.of(span("10:00:00", "12:00:00")),
                        List.of(span("10:30:00", "11:00:00"), span("11:30:00", "13:00:00"))))
                .containsExactly(span("10:00:00", "10:30:00"), span("11:00:00", "11:30:00"));
        assertThat(Span.minus(List.of(span("10:00:00", "12:00:00")), List.of(span("09:00:00", "12:00:00"))))
                .isEmpty();
    }
}
