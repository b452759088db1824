package io.pledge.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-computed distributions: nearest-rank percentiles, met % and the target a compliance level needs. */
class DistributionTest {

    /** Six resolution times, in no order: 1 h, 2 h, 3 h, 3 h, 4 h, 5 h sorted. */
    private static final Distribution SIX = Distribution.of(hours(5, 1, 3, 2, 4, 3));

    @Test
    void percentilesAreTimesClocksActuallyTookByNearestRank() {
        // rank = ceil(p/100 × 6): p50 → 3rd, p80 → 5th, p90 → 6th, p95 → 6th
        assertThat(SIX.clocks()).isEqualTo(6);
        assertThat(SIX.p50()).isEqualTo(Duration.ofHours(3));
        assertThat(SIX.p80()).isEqualTo(Duration.ofHours(4));
        assertThat(SIX.p90()).isEqualTo(Duration.ofHours(5));
        assertThat(SIX.p95()).isEqualTo(Duration.ofHours(5));
        assertThat(SIX.max()).isEqualTo(Duration.ofHours(5));
    }

    static Stream<Arguments> metPercents() {
        return Stream.of(
                Arguments.of("PT59M", "0.00"),
                Arguments.of("PT1H", "16.67"),
                Arguments.of("PT2H59M59S", "33.33"),
                // A clock that took exactly the target met it.
                Arguments.of("PT3H", "66.67"),
                Arguments.of("PT4H", "83.33"),
                Arguments.of("PT5H", "100.00"));
    }

    @ParameterizedTest
    @MethodSource("metPercents")
    void metPercentCountsTheClocksWithinTheTarget(String target, String percent) {
        assertThat(SIX.metPercent(Duration.parse(target))).isEqualByComparingTo(percent);
        assertThat(SIX.metPercent(null)).isNull();
    }

    static Stream<Arguments> suggestedTargets() {
        // The shortest target that at least c % of the six stayed within.
        return Stream.of(
                // 16.66 % of 6 clocks is 0.9996: the 1st; 16.67 % is 1.0002: the 2nd.
                Arguments.of("16.66", "PT1H"),
                Arguments.of("16.67", "PT2H"),
                Arguments.of("50", "PT3H"),
                Arguments.of("66.67", "PT4H"),
                Arguments.of("80", "PT4H"),
                Arguments.of("95", "PT5H"),
                Arguments.of("99.5", "PT5H"),
                Arguments.of("100", "PT5H"));
    }

    @ParameterizedTest
    @MethodSource("suggestedTargets")
    void theSuggestedTargetIsMetAtTheComplianceLevelAndNoShorterOneIs(String compliance, String expected) {
        BigDecimal level = new BigDecimal(compliance);
        Duration suggested = SIX.targetFor(level);
        assertThat(suggested).isEqualTo(Duration.parse(expected));
        // Met at the level…
        assertThat(SIX.within(suggested) * 100.0 / SIX.clocks()).isGreaterThanOrEqualTo(level.doubleValue());
        // …and a second shorter is not.
        assertThat(SIX.within(suggested.minusSeconds(1)) * 100.0 / SIX.clocks()).isLessThan(level.doubleValue());
    }

    @Test
    void underThirtyClocksTheSampleIsTooSmall() {
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            times.add(Duration.ofMinutes(i));
        }
        assertThat(Distribution.of(times).smallSample()).isTrue();
        times.add(Duration.ofMinutes(30));
        assertThat(Distribution.of(times).smallSample()).isFalse();
    }

    @Test
    void withoutClocksThereIsNoFigure() {
        Distribution none = Distribution.of(List.of());
        assertThat(none.p50()).isNull();
        assertThat(none.max()).isNull();
        assertThat(none.metPercent(Duration.ofHours(1))).isNull();
        assertThat(none.targetFor(BigDecimal.valueOf(95))).isNull();
        assertThat(none.smallSample()).isTrue();
    }

    private static List<Duration> hours(int... values) {
        List<Duration> list = new ArrayList<>();
        for (int value : values) {
            list.add(Duration.ofHours(value));
        }
        return list;
    }
}
