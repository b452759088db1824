package io.pledge.reporting.credits;

import static io.pledge.reporting.credits.Credits.THIRTY_DAYS;
import static io.pledge.reporting.credits.Credits.contract;
import static io.pledge.reporting.credits.Credits.decimal;
import static io.pledge.reporting.credits.Credits.gold;
import static io.pledge.reporting.credits.Credits.monitor;
import static io.pledge.reporting.credits.Credits.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credits computed by hand. The gold schedule: availability below 99.9 → 10 %, below 99 → 25 %, below 95 →
 * 50 %, capped at 30 % of the fee; 30 days are 2,592,000 s, so 99.9 % allows 2,592 s of downtime.
 */
class ServiceCreditsTest {

    static Stream<Arguments> availabilityOverThirtyDays() {
        return Stream.of(
                // downtime, availability as stated, step hit, credit %, line amount, total, capped
                arguments(Duration.ZERO, "100.000000", null, null, null, "0.00", false),
                // Exactly at the step's level is not below it.
                arguments(Duration.ofSeconds(2592), "99.900000", null, null, null, "0.00", false),
                arguments(Duration.ofSeconds(2593), "99.899961", "credits[0]", "10", "100.00", "100.00", false),
                arguments(Duration.ofSeconds(25920), "99.000000", "credits[0]", "10", "100.00", "100.00", false),
                arguments(Duration.ofSeconds(25921), "98.999961", "credits[1]", "25", "250.00", "250.00", false),
                arguments(Duration.ofHours(36), "95.000000", "credits[1]", "25", "250.00", "250.00", false),
                arguments(Duration.ofSeconds(129601), "94.999961", "credits[2]", "50", "500.00", "300.00", true),
                arguments(THIRTY_DAYS, "0.000000", "credits[2]", "50", "500.00", "300.00", true));
    }

    @ParameterizedTest
    @MethodSource
    void availabilityOverThirtyDays(
            Duration downtime,
            String availability,
            String step,
            String percent,
            String amount,
            String total,
            boolean capped) {
        MonitorFigures web = monitor("web", downtime);

        CreditStatement statement =
                ServiceCredits.compute(new CreditInputs(gold(""), contract("1000.00", "EUR"), List.of(web), List.of()));

        assertThat(web.availability()).isEqualTo(decimal(availability));
        if (step == null) {
            assertThat(statement.lines()).isEmpty();
        } else {
            assertThat(statement.lines()).singleElement().satisfies(line -> {
                assertThat(line.subject()).isEqualTo(new CreditSubject.Monitor(web.monitorId(), "web", null));
                assertThat(line.figure()).isEqualTo(decimal(availability));
                assertThat(line.step().field()).isEqualTo(step);
                assertThat(line.creditPercent()).isEqualTo(decimal(percent));
                assertThat(line.amount()).isEqualTo(decimal(amount));
                assertThat(line.evidence()).containsExactly("web-down-1");
                assertThat(line.policyVersion()).isEqualTo(3);
            });
        }
        assertThat(statement.total()).isEqualTo(decimal(total));
        assertThat(statement.capped()).isEqualTo(capped);
        assertThat(statement.cap()).isEqualTo(decimal("300.00"));
        assertThat(statement.policyVersion()).isEqualTo(3);
    }

    static Stream<Arguments> maintenanceAndGapsAreLeftOutOfTheCount() {
        // 30 days less 1 day of maintenance and 1 h of gaps: 2,502,000 s counted, 99.9 % allows 2,502 s.
        return Stream.of(
                arguments(Duration.ofSeconds(2502), "99.900000", null),
                arguments(Duration.ofSeconds(2503), "99.899960", "credits[0]"),
                arguments(Duration.ofSeconds(25020), "99.000000", "credits[0]"),
                arguments(Duration.ofSeconds(25021), "98.999960", "credits[1]"));
    }

    @ParameterizedTest
    @MethodSource
    void maintenanceAndGapsAreLeftOutOfTheCount(Duration downtime, String availability, String step) {
        MonitorFigures erp = new MonitorFigures(
                Credits.id("erp"),
                "erp",
                null,
                THIRTY_DAYS,
                Duration.ofDays(1),
                Duration.ofHours(1),
                downtime,
                List.of("d1", "d2"),
                List.of("m1"),
                List.of("g1", "g2"));

        CreditStatement statement =
                ServiceCredits.compute(new CreditInputs(gold(""), contract("1000.00", "EUR"), List.of(erp), List.of()));

        assertThat(erp.availability()).isEqualTo(decimal(availability));
        if (step == null) {
            assertThat(statement.lines()).isEmpty();
            return;
        }
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.step().field()).isEqualTo(step);
            assertThat(line.evidence()).containsExactly("d1", "d2");
            assertThat(line.exclusions())
                    .containsExactly(
                            new Exclusion(Exclusion.Kind.MAINTENANCE, Duration.ofDays(1), List.of("m1")),
                            new Exclusion(Exclusion.Kind.MONITORING_GAP, Duration.ofHours(1), List.of("g1", "g2")));
        });
    }

    @Test
    void availabilityIsPricedAsStatedToSixDecimals() {
        // Exactly 99.89999996…% rounds to the 99.900000 % the report shows: not below 99.9.
        MonitorFigures edge = monitor("edge", null, Duration.ofSeconds(2_592_999), Duration.ofSeconds(2593));
        MonitorFigures past = edge.withMoreDowntime(Duration.ofSeconds(1));

        assertThat(edge.availability()).isEqualTo(decimal("99.900000"));
        assertThat(past.availability()).isEqualTo(decimal("99.899961"));
        assertThat(ServiceCredits.compute(inputs(edge)).lines()).isEmpty();
        assertThat(ServiceCredits.compute(inputs(past)).lines()).hasSize(1);
    }

    static Stream<Arguments> amountsRoundHalfEvenToTheCurrencysDigits() {
        // fee, currency, 10 % of it as owed, the 30 % cap as stated, fraction digits
        return Stream.of(
                arguments("100.05", "EUR", "10.00", "30.02", 2), // 10.005: the tie goes to the even 10.00
                arguments("100.15", "EUR", "10.02", "30.04", 2), // 10.015: to the even 10.02; cap 30.045 → 30.04
                arguments("333.33", "USD", "33.33", "100.00", 2), // 33.333; cap 99.999
                arguments("12345", "JPY", "1234", "3704", 0), // 1234.5 → 1234; cap 3703.5 → 3704
                arguments("12355", "JPY", "1236", "3706", 0), // 1235.5 → 1236; cap 3706.5 → 3706
                arguments("100.005", "KWD", "10.000", "30.002", 3), // 10.0005 → 10.000; cap 30.0015 → 30.002
                arguments("100.015", "KWD", "10.002", "30.004", 3)); // 10.0015 → 10.002; cap 30.0045 → 30.004
    }

    @ParameterizedTest
    @MethodSource
    void amountsRoundHalfEvenToTheCurrencysDigits(String fee, String currency, String owed, String cap, int digits) {
        CreditStatement statement = ServiceCredits.compute(new CreditInputs(
                gold(""), contract(fee, currency), List.of(monitor("web", Duration.ofSeconds(2593))), List.of()));

        assertThat(statement.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(decimal(owed)));
        assertThat(statement.total()).isEqualTo(decimal(owed));
        assertThat(statement.cap()).isEqualTo(decimal(cap));
        assertThat(statement.fractionDigits()).isEqualTo(digits);
        assertThat(statement.rounding()).isEqualTo(RoundingMode.HALF_EVEN);
        assertThat(statement.currency().getCurrencyCode()).isEqualTo(currency);
    }

    @Test
    void theTotalIsCappedAndTheStatementSaysSo() {
        MonitorFigures web = monitor("web", Duration.ofSeconds(25921));
        MonitorFigures mail = monitor("mail", Duration.ofSeconds(25921));

        CreditStatement one = ServiceCredits.compute(inputs(web));
        CreditStatement two = ServiceCredits.compute(inputs(web, mail));

        assertThat(one.owedBeforeCap()).isEqualTo(decimal("250.00"));
        assertThat(one.total()).isEqualTo(decimal("250.00"));
        assertThat(one.capped()).isFalse();
        assertThat(two.lines()).extracting(CreditLine::amount).containsExactly(decimal("250.00"), decimal("250.00"));
        assertThat(two.owedBeforeCap()).isEqualTo(decimal("500.00"));
        assertThat(two.capPercent()).isEqualTo(decimal("30"));
        assertThat(two.total()).isEqualTo(decimal("300.00"));
        assertThat(two.capped()).isTrue();
    }

    @Test
    void withoutACapAPeriodNeverOwesMoreThanItsFee() {
        var policy = policy(1, """
                "credits": [{"availabilityBelow": 99, "creditPercent": 40}]""");
        List<MonitorFigures> three = List.of(
                monitor("a", Duration.ofDays(1)), monitor("b", Duration.ofDays(1)), monitor("c", Duration.ofDays(1)));

        CreditStatement statement =
                ServiceCredits.compute(new CreditInputs(policy, contract("500.00", "GBP"), three, List.of()));

        assertThat(statement.owedBeforeCap()).isEqualTo(decimal("600.00"));
        assertThat(statement.capPercent()).isEqualTo(decimal("100"));
        assertThat(statement.total()).isEqualTo(decimal("500.00"));
        assertThat(statement.capped()).isTrue();
    }

    @Test
    void perServiceTheWorstMonitorOfEachCoveredServiceCountsOnce() {
        // Email: imap 2,000 s down (99.922840 %, no step) and smtp 30,000 s down (98.842593 %, below 99).
        MonitorFigures imap = monitor("imap", "Email", THIRTY_DAYS, Duration.ofSeconds(2000));
        MonitorFigures smtp = monitor("smtp", "email", THIRTY_DAYS, Duration.ofSeconds(30000));
        MonitorFigures erp = monitor("erp", "ERP", THIRTY_DAYS, Duration.ofSeconds(2600));
        MonitorFigures printer = monitor("printer", "Printing", THIRTY_DAYS, Duration.ofDays(3));
        List<MonitorFigures> monitors = List.of(imap, smtp, erp, printer);

        CreditStatement perService = ServiceCredits.compute(new CreditInputs(
                gold("\"creditsPer\": \"SERVICE\""), contract("1000.00", "EUR", "Email", "ERP"), monitors, List.of()));
        CreditStatement perMonitor = ServiceCredits.compute(
                new CreditInputs(gold(""), contract("1000.00", "EUR", "Email", "ERP"), monitors, List.of()));

        assertThat(smtp.availability()).isEqualTo(decimal("98.842593"));
        assertThat(perService.lines())
                .extracting(CreditLine::subject, CreditLine::figure, CreditLine::amount, CreditLine::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                new CreditSubject.Service("Email", smtp.monitorId(), "smtp"),
                                decimal("98.842593"),
                                decimal("250.00"),
                                List.of("smtp-down-1")),
                        org.assertj.core.groups.Tuple.tuple(
                                new CreditSubject.Service("ERP", erp.monitorId(), "erp"),
                                decimal("99.899691"),
                                decimal("100.00"),
                                List.of("erp-down-1")));
        assertThat(perService.total()).isEqualTo(decimal("300.00"));
        assertThat(perService.owedBeforeCap()).isEqualTo(decimal("350.00"));
        assertThat(perService.notCovered()).containsExactly("printer (service \"Printing\" is not covered)");
        assertThat(perMonitor.lines())
                .extracting(line -> line.subject().label())
                .containsExactly("smtp", "erp");
    }

    static Stream<Arguments> resolutionOfP1OverTwentyClocks() {
        return Stream.of(
                arguments(0, "100.000000", null, null),
                arguments(1, "95.000000", null, null), // exactly at 95: not below
                arguments(2, "90.000000", "ticketCredits[0]", "50.00"), // exactly at 90: below 95 only
                arguments(3, "85.000000", "ticketCredits[1]", "100.00"));
    }

    @ParameterizedTest
    @MethodSource
    void resolutionOfP1OverTwentyClocks(int breaches, String met, String step, String amount) {
        List<String> ids = java.util.stream.IntStream.rangeClosed(1, breaches)
                .mapToObj(i -> "T" + i + "/RESOLUTION")
                .toList();
        CreditStatement statement = ServiceCredits.compute(new CreditInputs(
                ticketPolicy(),
                contract("1000.00", "EUR"),
                List.of(),
                List.of(
                        MetFigures.of(Metric.RESOLUTION, Priority.of("P1"), 20, ids),
                        MetFigures.of(Metric.RESOLUTION, Priority.of("P2"), 20, List.of("X1", "X2", "X3", "X4")))));

        if (step == null) {
            assertThat(statement.lines()).isEmpty();
            return;
        }
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.subject()).isEqualTo(new CreditSubject.Tickets(Metric.RESOLUTION, Priority.of("P1")));
            assertThat(line.figure()).isEqualTo(decimal(met));
            assertThat(line.step().field()).isEqualTo(step);
            assertThat(line.amount()).isEqualTo(decimal(amount));
            assertThat(line.evidence()).isEqualTo(ids);
            assertThat(line.policyVersion()).isEqualTo(4);
        });
    }

    @Test
    void aScheduleWithoutPriorityCountsTheClocksOfEveryPriority() {
        CreditStatement statement = ServiceCredits.compute(new CreditInputs(
                ticketPolicy(),
                contract("1000.00", "EUR"),
                List.of(),
                List.of(
                        new MetFigures(
                                Metric.FIRST_RESPONSE,
                                Priority.of("P1"),
                                10,
                                List.of("A"),
                                3,
                                List.of("Z"),
                                Duration.ofHours(2)),
                        new MetFigures(
                                Metric.FIRST_RESPONSE,
                                Priority.of("P2"),
                                10,
                                List.of("B", "C"),
                                0,
                                List.of(),
                                Duration.ofMinutes(30)))));

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.subject().label()).isEqualTo("FIRST_RESPONSE (every priority)");
            assertThat(line.figure()).isEqualTo(decimal("85.000000"));
            assertThat(line.step().field()).isEqualTo("ticketCredits[2]");
            assertThat(line.amount()).isEqualTo(decimal("50.00"));
            assertThat(line.evidence()).containsExactly("A", "B", "C");
            assertThat(line.exclusions())
                    .containsExactly(
                            new Exclusion(Exclusion.Kind.WAITING_ON_CLIENT, Duration.ofMinutes(150), List.of()));
        });
    }

    @Test
    void availabilityAndTicketCreditsShareOneCap() {
        CreditStatement statement = ServiceCredits.compute(new CreditInputs(
                ticketPolicy(),
                contract("1000.00", "EUR"),
                List.of(monitor("web", Duration.ofSeconds(25921))),
                List.of(MetFigures.of(Metric.RESOLUTION, Priority.of("P1"), 20, List.of("a", "b", "c")))));

        assertThat(statement.lines())
                .extracting(line -> line.step().field(), CreditLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("credits[1]", decimal("250.00")),
                        org.assertj.core.groups.Tuple.tuple("ticketCredits[1]", decimal("100.00")));
        assertThat(statement.total()).isEqualTo(decimal("300.00"));
        assertThat(statement.capped()).isTrue();
    }

    @Test
    void aLowerStepThatOwesLessNeverLowersTheCredit() {
        // Older versions may list a lower step with a smaller credit: the higher credit still applies.
        var policy = policy(2, """
                "credits": [{"availabilityBelow": 99.9, "creditPercent": 20},
                            {"availabilityBelow": 99, "creditPercent": 10}]""");

        CreditStatement statement = ServiceCredits.compute(new CreditInputs(
                policy, contract("1000.00", "EUR"), List.of(monitor("web", Duration.ofDays(1))), List.of()));

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.step().field()).isEqualTo("credits[1]");
            assertThat(line.creditPercent()).isEqualTo(decimal("20"));
            assertThat(line.amount()).isEqualTo(decimal("200.00"));
        });
    }

    @Test
    void aMonitorWithNothingCountedOwesNothingAndHasNoDowntimeToForecast() {
        MonitorFigures maintained = new MonitorFigures(
                Credits.id("db"),
                "db",
                null,
                THIRTY_DAYS,
                THIRTY_DAYS,
                Duration.ZERO,
                Duration.ZERO,
                null,
                List.of("m1"),
                null);

        CreditForecast forecast = ServiceCredits.forecast(inputs(maintained));

        assertThat(maintained.availability()).isEqualTo(decimal("100.000000"));
        assertThat(ServiceCredits.compute(inputs(maintained)).lines()).isEmpty();
        assertThat(forecast.downtime()).singleElement().satisfies(headroom -> {
            assertThat(headroom.next()).isNull();
            assertThat(headroom.moreDowntime()).isNull();
        });
    }

    @Test
    void figuresThatDoNotAddUpAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MonitorFigures(
                        Credits.id("x"),
                        "x",
                        null,
                        Duration.ofHours(1),
                        Duration.ofMinutes(40),
                        Duration.ofMinutes(30),
                        Duration.ZERO,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maintenance and gaps exceed");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> monitor("x", null, Duration.ofHours(1), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("downtime exceeds");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MetFigures.of(Metric.RESOLUTION, Priority.of("P1"), 1, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 breaches among 1 stopped");
    }

    /** Resolution of P1 below 95 → 5 %, below 90 → 10 %; first response of every priority below 90 → 5 %. */
    static io.pledge.clients.TierPolicy ticketPolicy() {
        return policy(4, """
                "credits": [{"availabilityBelow": 99.9, "creditPercent": 10},
                            {"availabilityBelow": 99, "creditPercent": 25}],
                "creditCapPercent": 30,
                "ticketCredits": [
                    {"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                    {"metric": "RESOLUTION", "priority": "P1", "metBelow": 90, "creditPercent": 10},
                    {"metric": "FIRST_RESPONSE", "metBelow": 90, "creditPercent": 5}]""");
    }

    private static CreditInputs inputs(MonitorFigures... monitors) {
        return new CreditInputs(gold(""), contract("1000.00", "EUR"), List.of(monitors), List.of());
    }
}
