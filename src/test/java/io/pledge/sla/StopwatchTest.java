package io.pledge.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time over counted stretches, up to a limit. */
class StopwatchTest {

    private static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z"); // Monday 09:00 in Paris

    /** 09:00–10:00, then counting again from 11:00: an hour counted, a pause, then counting again. */
    private static final List<Stretch> CLOSED = List.of(new Stretch(NINE, NINE.plusSeconds(3600)));

    private static final Instant ELEVEN = NINE.plusSeconds(7200);

    private static Stopwatch upTo(Instant limit) {
        return new Stopwatch(Policies.ALWAYS, CLOSED, ELEVEN, limit);
    }

    @Test
    void theTotalCountsEveryStretchUpToTheLimit() {
        Stopwatch stopwatch = upTo(NINE.plusSeconds(3 * 3600));
        assertThat(stopwatch.total()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aLimitCutsAStretchAndLeavesOutTheStretchesAfterIt() {
        assertThat(upTo(NINE.plusSeconds(1800)).total()).isEqualTo(Duration.ofMinutes(30));
        assertThat(upTo(NINE.plusSeconds(7200)).total()).isEqualTo(Duration.ofHours(1));
        assertThat(upTo(NINE).total()).isEqualTo(Duration.ZERO);
        assertThat(new Stopwatch(Policies.ALWAYS, CLOSED, null, NINE.plusSeconds(5 * 3600)).total())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void elapsedTimeAtAnInstantCountsOnlyWhatCameBefore() {
        Stopwatch stopwatch = upTo(NINE.plusSeconds(4 * 3600));
        assertThat(stopwatch.elapsedAt(NINE)).isEqualTo(Duration.ZERO);
        assertThat(stopwatch.elapsedAt(NINE.plusSeconds(600))).isEqualTo(Duration.ofMinutes(10));
        assertThat(stopwatch.elapsedAt(NINE.plusSeconds(5400))).isEqualTo(Duration.ofHours(1));
        assertThat(stopwatch.elapsedAt(NINE.plusSeconds(9000))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aCrossingIsTheFirstInstantTheAmountWasCounted() {
        Stopwatch stopwatch = upTo(NINE.plusSeconds(4 * 3600));
        assertThat(stopwatch.crossing(Duration.ofMinutes(45).toNanos())).isEqualTo(NINE.plusSeconds(2700));
        // The amount reached exactly at the end of a stretch is crossed there, not when counting resumes.
        assertThat(stopwatch.crossing(Duration.ofHours(1).toNanos())).isEqualTo(NINE.plusSeconds(3600));
        assertThat(stopwatch.crossing(Duration.ofMinutes(90).toNanos())).isEqualTo(NINE.plusSeconds(9000));
        assertThat(stopwatch.crossing(Duration.ofHours(4).toNanos())).isNull();
    }

    @Test
    void businessTimeFollowsTheCalendar() {
        BusinessCalendar office = Policies.PARIS_OFFICE;
        Instant friday = Instant.parse("2026-03-27T16:00:00Z"); // Friday 17:00 in Paris
        Stopwatch stopwatch = new Stopwatch(office, List.of(), friday, friday.plus(Duration.ofDays(3)));
        assertThat(stopwatch.total()).isEqualTo(office.between(friday, friday.plus(Duration.ofDays(3))));
        Instant crossing = stopwatch.crossing(Duration.ofHours(2).toNanos());
        assertThat(crossing).isEqualTo(office.add(friday, Duration.ofHours(2)));
        assertThat(stopwatch.elapsedAt(crossing)).isEqualTo(Duration.ofHours(2));
    }
}
