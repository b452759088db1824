package io.pledge.monitoring.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Availability against an obviously correct reference that walks the period second by second, asking
 * of each second whether it is business time, covered (watched), maintenance, a gap, and down.
 */
class AvailabilityProperties {

    private static final Instant BASE = Instant.parse("2026-03-29T00:30:00Z");
    private static final int RANGE = 900;

    /** Business time: seconds whose minute is even (additive, and far from all-or-nothing). */
    private static final Measure EVEN_MINUTES = (start, end) -> {
        long count = 0;
        for (long s = start.getEpochSecond(); s < end.getEpochSecond(); s++) {
            if (open(s)) {
                count++;
            }
        }
        return Duration.ofSeconds(count);
    };

    private static boolean open(long epochSecond) {
        return Math.floorMod(epochSecond / 60, 2) == 0;
    }

    @Provide
    Arbitrary<Span> spans() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, RANGE),
                        Arbitraries.integers().between(0, 300))
                .as((start, length) ->
                        Span.of(BASE.plusSeconds(start), BASE.plusSeconds(Math.min(RANGE, start + length))));
    }

    @Provide
    Arbitrary<List<Span>> spanLists() {
        return spans().list().ofMaxSize(4);
    }

    @Property(tries = 400)
    void matchesTheSecondBySecondWalk(
            @ForAll("spans") Span period,
            @ForAll("spanLists") List<Span> downtime,
            @ForAll("spanLists") List<Span> maintenance,
            @ForAll("spanLists") List<Span> gaps,
            @ForAll("spanLists") List<Span> coverage,
            @ForAll boolean wholly,
            @ForAll boolean calendar) {
        Measure measure = calendar ? EVEN_MINUTES : Measure.ELAPSED;
        List<Span> watched = wholly ? List.of(period) : coverage;
        long counted = 0;
        long down = 0;
        long maintained = 0;
        long gapped = 0;
        long measured = 0;
        long covered = 0;
        boolean anyCovered = false;
        for (long s = period.start().getEpochSecond(); s < period.end().getEpochSecond(); s++) {
            Instant second = Instant.ofEpochSecond(s);
            if (!covers(watched, second)) {
                if (!calendar || open(s)) {
                    measured++;
                }
                continue;
            }
            anyCovered = true;
            if (calendar && !open(s)) {
                continue;
            }
            measured++;
            covered++;
            if (covers(maintenance, second)) {
                maintained++;
            } else if (covers(gaps, second)) {
                gapped++;
            } else {
                counted++;
                if (covers(downtime, second)) {
                    down++;
                }
            }
        }
        AvailabilityReport report = wholly
                ? Availability.over(period, downtime, maintenance, gaps, new BigDecimal("99.5"), measure)
                : Availability.over(period, watched, downtime, maintenance, gaps, new BigDecimal("99.5"), measure);
        assertThat(report.measured()).isEqualTo(Duration.ofSeconds(measured));
        assertThat(report.covered()).isEqualTo(Duration.ofSeconds(covered));
        assertThat(report.maintenance()).isEqualTo(Duration.ofSeconds(maintained));
        assertThat(report.gaps()).isEqualTo(Duration.ofSeconds(gapped));
        assertThat(report.downtime()).isEqualTo(Duration.ofSeconds(down));
        if (!anyCovered) {
            assertThat(report.availability()).isNull();
            assertThat(report.meetsTarget()).isFalse();
        } else {
            BigDecimal expected = counted == 0
                    ? new BigDecimal("100")
                    : BigDecimal.valueOf(100 * (counted - down))
                            .divide(BigDecimal.valueOf(counted), 6, RoundingMode.HALF_EVEN);
            assertThat(report.availability()).isEqualByComparingTo(expected);
        }
        assertThat(report.allowed()).isEqualTo(Duration.ofNanos(counted * 1_000_000_000L * 5 / 1000));
    }

    @Property(tries = 200)
    void burnRateIsTheShareDownOverTheShareAllowed(
            @ForAll("spanLists") List<Span> downtime, @ForAll("spanLists") List<Span> maintenance) {
        Span window = Span.of(BASE.plusSeconds(300), BASE.plusSeconds(600));
        long counted = 0;
        long down = 0;
        for (long s = window.start().getEpochSecond(); s < window.end().getEpochSecond(); s++) {
            Instant second = Instant.ofEpochSecond(s);
            if (!covers(maintenance, second)) {
                counted++;
                if (covers(downtime, second)) {
                    down++;
                }
            }
        }
        double expected = counted == 0 ? 0 : (double) down / counted / 0.001;
        assertThat(Availability.burnRate(window, downtime, maintenance, List.of(), new BigDecimal("99.9")))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Property(tries = 200)
    void minusLeavesExactlyTheSecondsOutsideTheHoles(
            @ForAll("spanLists") List<Span> spans, @ForAll("spanLists") List<Span> holes) {
        List<Span> rest = Span.minus(spans, holes);
        for (long s = BASE.getEpochSecond(); s < BASE.getEpochSecond() + RANGE; s++) {
            Instant second = Instant.ofEpochSecond(s);
            assertThat(covers(rest, second)).isEqualTo(covers(spans, second) && !covers(holes, second));
        }
        for (int i = 1; i < rest.size(); i++) {
            assertThat(rest.get(i).start()).isAfter(rest.get(i - 1).end());
        }
    }

    private static boolean covers(List<Span> spans, Instant second) {
        return spans.stream().anyMatch(span -> span.contains(second));
    }
}
