package io.pledge.reporting.credits;

import static io.pledge.reporting.credits.Credits.contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.clients.CreditStep;
import io.pledge.clients.CreditsPer;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TicketCreditStep;
import io.pledge.clients.TierPolicy;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Credits over generated schedules, fees and figures. */
class ServiceCreditsProperties {

    private static final List<String> LEVELS = List.of("99.99", "99.95", "99.9", "99.5", "99", "98", "95", "90", "50");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final TierPolicy BASE = Credits.gold("");

    @Property(tries = 300)
    void creditsNeverExceedTheCapAndNeverShrinkAsAvailabilityFalls(
            @ForAll("policies") TierPolicy policy,
            @ForAll("fees") String fee,
            @ForAll("downtimes") List<Long> seconds,
            @ForAll @IntRange(min = 0, max = 3) int worse,
            @ForAll @LongRange(min = 1, max = 2_592_000) long more) {
        List<MonitorFigures> monitors = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            monitors.add(
                    Credits.monitor("m" + i, i % 2 == 0 ? "Email" : "ERP", MONTH, Duration.ofSeconds(seconds.get(i))));
        }
        int index = worse % monitors.size();
        List<MonitorFigures> worseOff = new ArrayList<>(monitors);
        worseOff.set(index, monitors.get(index).withMoreDowntime(Duration.ofSeconds(more)));
        CreditInputs inputs = new CreditInputs(policy, contract(fee, "EUR"), monitors, List.of());

        CreditStatement before = ServiceCredits.compute(inputs);
        CreditStatement after = ServiceCredits.compute(inputs.withMonitors(worseOff));

        for (CreditStatement statement : List.of(before, after)) {
            assertThat(statement.total()).isLessThanOrEqualTo(statement.cap());
            assertThat(statement.cap()).isLessThanOrEqualTo(statement.monthlyFee());
            assertThat(statement.owedBeforeCap())
                    .isEqualTo(statement.lines().stream()
                            .map(CreditLine::amount)
                            .reduce(statement.owedBeforeCap().multiply(BigDecimal.ZERO), BigDecimal::add));
        }
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.owedBeforeCap()).isGreaterThanOrEqualTo(before.owedBeforeCap());
    }

    @Property(tries = 300)
    void ticketCreditsNeverShrinkAsBreachesGrow(
            @ForAll("fees") String fee,
            @ForAll @IntRange(min = 1, max = 500) int stopped,
            @ForAll @IntRange(min = 0, max = 500) int breached) {
        int breaches = Math.min(breached, stopped - 1);
        CreditInputs inputs = new CreditInputs(
                ServiceCreditsTest.ticketPolicy(), contract(fee, "EUR"), List.of(), List.of(p1(stopped, breaches)));

        CreditStatement before = ServiceCredits.compute(inputs);
        CreditStatement after = ServiceCredits.compute(inputs.withMet(List.of(p1(stopped, breaches + 1))));

        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.total()).isLessThanOrEqualTo(after.cap());
    }

    @Property(tries = 300)
    void theForecastDowntimeLandsExactlyOnTheNextStep(
            @ForAll @LongRange(min = 3_600_000L, max = 7_776_000_000L) long measuredMillis,
            @ForAll @IntRange(min = 0, max = 30) int maintenancePercent,
            @ForAll @IntRange(min = 0, max = 10_000) int downtimePerMyriad) {
        Duration measured = Duration.ofMillis(measuredMillis);
        Duration maintenance = measured.multipliedBy(maintenancePercent).dividedBy(100);
        Duration counted = measured.minus(maintenance);
        // Mostly near the top steps, where the seconds matter.
        Duration downtime = counted.multipliedBy(downtimePerMyriad).dividedBy(10_000 * 20L);
        MonitorFigures web = new MonitorFigures(
                Credits.id("web"), "web", null, measured, maintenance, Duration.ZERO, downtime, null, null, null);
        CreditInputs inputs = new CreditInputs(BASE, contract("1000.00", "EUR"), List.of(web), List.of());

        CreditForecast.DowntimeHeadroom headroom =
                ServiceCredits.forecast(inputs).downtime().get(0);

        String now = headroom.current() == null ? null : headroom.current().field();
        if (headroom.next() == null) {
            assertThat(now).isEqualTo("credits[2]");
            return;
        }
        assertThat(headroom.moreDowntime().getNano()).isZero();
        assertThat(stepWith(inputs, web.withMoreDowntime(headroom.moreDowntime())))
                .isEqualTo(headroom.next().field());
        assertThat(stepWith(inputs, web.withMoreDowntime(headroom.moreDowntime().minusSeconds(1))))
                .isEqualTo(now);
    }

    private static String stepWith(CreditInputs inputs, MonitorFigures monitor) {
        List<CreditLine> lines =
                ServiceCredits.compute(inputs.withMonitors(List.of(monitor))).lines();
        return lines.isEmpty() ? null : lines.get(0).step().field();
    }

    private static MetFigures p1(int stopped, int breaches) {
        return MetFigures.of(
                Metric.RESOLUTION,
                Priority.of("P1"),
                stopped,
                IntStream.range(0, breaches).mapToObj(i -> "B" + i).toList());
    }

    @Provide
    Arbitrary<TierPolicy> policies() {
        Arbitrary<List<CreditStep>> steps = Arbitraries.subsetOf(LEVELS)
                .ofMinSize(1)
                .ofMaxSize(4)
                .flatMap(levels -> {
                    List<BigDecimal> descending = levels.stream()
                            .map(BigDecimal::new)
                            .sorted(java.util.Comparator.reverseOrder())
                            .toList();
                    // Credit percentages in any order: older versions do not forbid a lower step owing less.
                    return Arbitraries.bigDecimals()
                            .between(new BigDecimal("0.5"), BigDecimal.valueOf(100))
                            .ofScale(1)
                            .list()
                            .ofSize(descending.size())
                            .map(percents -> IntStream.range(0, descending.size())
                                    .mapToObj(i -> new CreditStep(descending.get(i), percents.get(i)))
                                    .toList());
                });
        Arbitrary<BigDecimal> cap = Arbitraries.bigDecimals()
                .between(BigDecimal.ONE, BigDecimal.valueOf(100))
                .ofScale(2)
                .injectNull(0.2);
        Arbitrary<CreditsPer> per = Arbitraries.of(CreditsPer.class);
        return Combinators.combine(steps, cap, per)
                .as((credits, capPercent, creditsPer) -> new TierPolicy(
                        BASE.tier(),
                        7,
                        BASE.effectiveFrom(),
                        "alice",
                        new PolicyTerms(
                                BASE.terms().sla(),
                                null,
                                credits,
                                capPercent,
                                creditsPer,
                                List.<TicketCreditStep>of())));
    }

    @Provide
    Arbitrary<String> fees() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000"))
                .ofScale(2)
                .map(BigDecimal::toPlainString);
    }

    @Provide
    Arbitrary<List<Long>> downtimes() {
        return Arbitraries.longs()
                .between(0, MONTH.getSeconds())
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }
}
