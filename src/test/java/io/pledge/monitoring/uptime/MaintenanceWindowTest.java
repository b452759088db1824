package io.pledge.monitoring.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Weekly maintenance in a zone, hand-computed across a DST change. */
class MaintenanceWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void weeklyWindowsFollowLocalTimeAcrossDaylightSaving() {
        // Sundays 02:30–04:30 Paris. 2026-03-29 is the spring-forward Sunday: 02:30 does not exist and moves
        // to 03:30 CEST (01:30Z); the Sunday before starts 02:30 CET (01:30Z) too, the one after 00:30Z.
        MaintenanceWindow.Weekly sundays = new MaintenanceWindow.Weekly(
                PARIS, Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), Duration.ofHours(2), null, null);
        List<Span> found =
                sundays.within(Span.of(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-06T00:00:00Z")));
        assertThat(found)
                .containsExactly(
                        Span.of(Instant.parse("2026-03-22T01:30:00Z"), Instant.parse("2026-03-22T03:30:00Z")),
                        Span.of(Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T03:30:00Z")),
                        Span.of(Instant.parse("2026-04-05T00:30:00Z"), Instant.parse("2026-04-05T02:30:00Z")));
    }

    @Test
    void anOccurrenceStartedBeforeTheRangeIsClippedToIt() {
        MaintenanceWindow.Weekly nightly = new MaintenanceWindow.Weekly(
                ZoneId.of("UTC"),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                LocalTime.of(23, 0),
                Duration.ofHours(3),
                null,
                null);
        // Monday 2026-03-02 23:00 to Tuesday 02:00; asked from Tuesday 01:00.
        assertThat(nightly.within(
                        Span.of(Instant.parse("2026-03-03T01:00:00Z"), Instant.parse("2026-03-03T12:00:00Z"))))
                .containsExactly(Span.of(Instant.parse("2026-03-03T01:00:00Z"), Instant.parse("2026-03-03T02:00:00Z")));
        assertThat(nightly.covers(Instant.parse("2026-03-03T23:30:00Z"))).isTrue();
        assertThat(nightly.covers(Instant.parse("2026-03-04T23:30:00Z"))).isFalse();
    }

    @Test
    void boundsLimitTheRecurrence() {
        MaintenanceWindow.Weekly bounded = new MaintenanceWindow.Weekly(
                ZoneId.of("UTC"),
                Set.of(DayOfWeek.values()),
                LocalTime.of(12, 0),
                Duration.ofHours(1),
                Instant.parse("2026-03-03T12:30:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(bounded.within(
                        Span.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"))))
                .containsExactly(
                        Span.of(Instant.parse("2026-03-03T12:30:00Z"), Instant.parse("2026-03-03T13:00:00Z")),
                        Span.of(Instant.parse("2026-03-04T12:00:00Z"), Instant.parse("2026-03-04T13:00:00Z")));
        MaintenanceWindow once = new MaintenanceWindow.Once(
                Span.of(Instant.parse("2026-03-03T12:00:00Z"), Instant.parse("2026-03-03T13:00:00Z")));
        assertThat(once.covers(Instant.parse("2026-03-03T12:59:59Z"))).isTrue();
        assertThat(once.covers(Instant.parse("2026-03-03T13:00:00Z"))).isFalse();
    }
}
