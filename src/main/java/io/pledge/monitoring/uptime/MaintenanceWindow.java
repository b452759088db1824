package io.pledge.monitoring.uptime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Planned maintenance: one-off {@code [start, end)}, or weekly on some days from a local time for a
 * duration, in a zone (a start in a DST gap moves later, an overlap takes the earlier offset, as
 * java.time does), optionally only between {@code from} and {@code until}.
 */
public sealed interface MaintenanceWindow {

    /** The window's occurrences that overlap {@code range}, clipped to it, as a union. */
    List<Span> within(Span range);

    default boolean covers(Instant instant) {
        return !within(Span.of(instant, instant.plusNanos(1))).isEmpty();
    }

    record Once(Span span) implements MaintenanceWindow {

        public Once {
            Objects.requireNonNull(span, "span");
        }

        @Override
        public List<Span> within(Span range) {
            return Span.within(List.of(span), range);
        }
    }

    record Weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime start, Duration duration, Instant from, Instant until)
            implements MaintenanceWindow {

        public Weekly {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(start, "start");
            days = Set.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly window needs at least one day");
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("a weekly window lasts more than zero and at most 7 days");
            }
        }

        @Override
        public List<Span> within(Span range) {
            Span bounded = range;
            if (from != null || until != null) {
                Instant lo = from == null || from.isBefore(range.start()) ? range.start() : from;
                Instant hi = until == null || until.isAfter(range.end()) ? range.end() : until;
                if (!hi.isAfter(lo)) {
                    return List.of();
                }
                bounded = Span.of(lo, hi);
            }
            // An occurrence that started up to `duration` before the range may still reach into it.
            LocalDate first =
                    bounded.start().minus(duration).atZone(zone).toLocalDate().minusDays(1);
            LocalDate last = bounded.end().atZone(zone).toLocalDate();
            List<Span> found = new ArrayList<>();
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                if (days.contains(date.getDayOfWeek())) {
                    Instant begin = date.atTime(start).atZone(zone).toInstant();
                    found.add(Span.of(begin, begin.plus(duration)));
                }
            }
            return Span.within(found, bounded);
        }
    }
}
