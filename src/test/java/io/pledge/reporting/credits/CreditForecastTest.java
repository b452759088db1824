package io.pledge.reporting.credits;

import static io.pledge.reporting.credits.Credits.THIRTY_DAYS;
import static io.pledge.reporting.credits.Credits.contract;
import static io.pledge.reporting.credits.Credits.decimal;
import static io.pledge.reporting.credits.Credits.gold;
import static io.pledge.reporting.credits.Credits.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The credit at risk, computed by hand and checked by pricing the period again with what it forecasts. */
class CreditForecastTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    static Stream<Arguments> moreDowntimeToTheNextStep() {
        // 22 working days of 9 h less 1 h of maintenance: 709,200 s counted; 99.9 % allows 709.2 s.
        Duration workingMonth = Duration.ofHours(22 * 9);
        return Stream.of(
                // measured, maintenance, downtime so far, step now, more downtime, step it lands on
                arguments(THIRTY_DAYS, Duration.ZERO, Duration.ZERO, null, Duration.ofSeconds(2593), "credits[0]"),
                arguments(
                        THIRTY_DAYS,
                        Duration.ZERO,
                        Duration.ofSeconds(1000),
                        null,
                        Duration.ofSeconds(1593),
                        "credits[0]"),
                // At 99.9 exactly it is on no step yet: one more second moves it.
                arguments(THIRTY_DAYS, Duration.ZERO, Duration.ofSeconds(2592), null, ONE_SECOND, "credits[0]"),
                arguments(
                        THIRTY_DAYS,
                        Duration.ZERO,
                        Duration.ofSeconds(5000),
                        "credits[0]",
                        Duration.ofSeconds(20921),
                        "credits[1]"),
                // 25,920.25 s down is 98.999990 % as stated: below 99 with a quarter second to spare.
                arguments(
                        THIRTY_DAYS,
                        Duration.ZERO,
                        Duration.ofMillis(5_000_250),
                        "credits[0]",
                        Duration.ofSeconds(20920),
                        "credits[1]"),
                // 610 s more makes 710 s: 99.899887 %; 609 s makes 709 s: 99.900028 %.
                arguments(
                        workingMonth,
                        Duration.ofHours(1),
                        Duration.ofSeconds(100),
                        null,
                        Duration.ofSeconds(610),
                        "credits[0]"));
    }

    @ParameterizedTest
    @MethodSource
    void moreDowntimeToTheNextStep(
            Duration measured, Duration maintenance, Duration downtime, String now, Duration more, String next) {
        MonitorFigures web = new MonitorFigures(
                Credits.id("web"), "web", null, measured, maintenance, Duration.ZERO, downtime, null, null, null);
        CreditInputs inputs = new CreditInputs(gold(""), contract("1000.00", "EUR"), List.of(web), List.of());

        CreditForecast forecast = ServiceCredits.forecast(inputs);

        assertThat(forecast.downtime()).singleElement().satisfies(headroom -> {
            assertThat(headroom.current() == null ? null : headroom.current().field())
                    .isEqualTo(now);
            assertThat(headroom.moreDowntime()).isEqualTo(more);
            assertThat(headroom.next().field()).isEqualTo(next);
            assertThat(headroom.viaMonitor()).isEqualTo(web.monitorId());
        });
        assertThat(step(inputs, web.withMoreDowntime(more))).isEqualTo(next);
        assertThat(step(inputs, web.withMoreDowntime(more.minus(ONE_SECOND)))).isEqualTo(now);
    }

    @Test
    void whatIsOwedIfNothingElseGoesWrong() {
        CreditInputs inputs = new CreditInputs(
                gold(""),
                contract("1000.00", "EUR"),
                List.of(monitor("web", Duration.ofSeconds(3000))),
                List.of(new MetFigures(
                        Metric.RESOLUTION, Priority.of("P1"), 18, List.of("T1"), 2, List.of(), Duration.ZERO)));

        CreditForecast forecast = ServiceCredits.forecast(inputs);

        assertThat(forecast.ifNothingElseGoesWrong().lines())
                .extracting(line -> line.subject().label(), CreditLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", decimal("100.00")));
        assertThat(forecast.ifNothingElseGoesWrong().total()).isEqualTo(decimal("100.00"));
        assertThat(forecast.breaches()).isEmpty();
    }

    @Test
    void aServiceMovesOnWhicheverMonitorGetsThereFirst() {
        MonitorFigures imap = monitor("imap", "Email", THIRTY_DAYS, Duration.ofSeconds(2000));
        MonitorFigures smtp = monitor("smtp", "Email", THIRTY_DAYS, Duration.ofSeconds(1500));
        CreditInputs inputs = new CreditInputs(
                gold("\"creditsPer\": \"SERVICE\""), contract("1000.00", "EUR"), List.of(imap, smtp), List.of());

        CreditForecast.DowntimeHeadroom headroom =
                ServiceCredits.forecast(inputs).downtime().get(0);

        assertThat(headroom.subject().label()).isEqualTo("Email");
        assertThat(headroom.availability()).isEqualTo(imap.availability());
        assertThat(headroom.moreDowntime()).isEqualTo(Duration.ofSeconds(593));
        assertThat(headroom.viaMonitor()).isEqualTo(imap.monitorId());
    }

    @Test
    void noStepLeftBelowMeansNoFurtherDowntimeToForecast() {
        CreditInputs inputs = new CreditInputs(
                gold(""), contract("1000.00", "EUR"), List.of(monitor("web", Duration.ofDays(2))), List.of());

        CreditForecast.DowntimeHeadroom headroom =
                ServiceCredits.forecast(inputs).downtime().get(0);

        assertThat(headroom.current().field()).isEqualTo("credits[2]");
        assertThat(headroom.next()).isNull();
        assertThat(headroom.moreDowntime()).isNull();
    }

    static Stream<Arguments> moreBreachesToTheNextStep() {
        return Stream.of(
                // stopped, breached, open on time, open breached, met % projected, step now, more, lands on
                arguments(20, 1, 0, 0, "95.000000", null, 1L, "ticketCredits[0]"), // 19/21 = 90.48 %
                arguments(
                        100, 2, 0, 0, "98.000000", null, 4L, "ticketCredits[0]"), // 98/104 = 94.23 %; 98/103 = 95.15 %
                arguments(18, 1, 2, 0, "95.000000", null, 1L, "ticketCredits[0]"), // the open clocks stop met
                arguments(17, 1, 1, 2, "85.000000", "ticketCredits[1]", null, null), // the open breaches count
                arguments(40, 3, 0, 0, "92.500000", "ticketCredits[0]", 2L, "ticketCredits[1]"), // 37/42 = 88.10 %
                arguments(0, 0, 0, 0, null, null, 1L, "ticketCredits[1]")); // one breach of one clock: 0 %
    }

    @ParameterizedTest
    @MethodSource
    void moreBreachesToTheNextStep(
            int stopped,
            int breached,
            int openOnTime,
            int openBreached,
            String met,
            String now,
            Long more,
            String next) {
        MetFigures p1 = new MetFigures(
                Metric.RESOLUTION,
                Priority.of("P1"),
                stopped,
                ids("B", breached),
                openOnTime,
                ids("O", openBreached),
                Duration.ZERO);
        CreditInputs inputs =
                new CreditInputs(ServiceCreditsTest.ticketPolicy(), contract("1000.00", "EUR"), List.of(), List.of(p1));

        CreditForecast.BreachHeadroom headroom = ServiceCredits.forecast(inputs).breaches().stream()
                .filter(h -> h.subject().equals(new CreditSubject.Tickets(Metric.RESOLUTION, Priority.of("P1"))))
                .findFirst()
                .orElseThrow();

        assertThat(headroom.met()).isEqualTo(met == null ? null : decimal(met));
        assertThat(headroom.current() == null ? null : headroom.current().field())
                .isEqualTo(now);
        assertThat(headroom.moreBreaches()).isEqualTo(more);
        assertThat(headroom.next() == null ? null : headroom.next().field()).isEqualTo(next);
        if (more != null) {
            assertThat(ticketStep(inputs, p1.projected(), more)).isEqualTo(next);
            assertThat(ticketStep(inputs, p1.projected(), more - 1)).isEqualTo(now);
        }
    }

    /** The step the period's only line lands on when priced with this monitor, null when none. */
    private static String step(CreditInputs inputs, MonitorFigures monitor) {
        List<CreditLine> lines =
                ServiceCredits.compute(inputs.withMonitors(List.of(monitor))).lines();
        assertThat(lines).hasSizeLessThanOrEqualTo(1);
        return lines.isEmpty() ? null : lines.get(0).step().field();
    }

    private static String ticketStep(CreditInputs inputs, MetFigures projected, long moreBreaches) {
        List<String> breaches = new java.util.ArrayList<>(projected.breachIds());
        breaches.addAll(ids("M", (int) moreBreaches));
        MetFigures after = MetFigures.of(
                projected.metric(), projected.priority(), projected.stopped() + (int) moreBreaches, breaches);
        List<CreditLine> lines = ServiceCredits.compute(inputs.withMet(List.of(after))).lines().stream()
                .filter(line -> line.subject() instanceof CreditSubject.Tickets t && t.priority() != null)
                .toList();
        return lines.isEmpty() ? null : lines.get(0).step().field();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
