package io.pledge.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The slow, obviously correct business-time arithmetic the fast {@link BusinessCalendar} is checked
 * against: it walks the calendar date by date and interval by interval, nothing precomputed.
 */
public final class ReferenceCalendar {

    private final CalendarDefinition definition;

    public ReferenceCalendar(CalendarDefinition definition) {
        this.definition = definition;
    }

    /** Business time inside {@code [start, end)} (negative when {@code end} is before {@code start}). */
    public Duration between(Instant start, Instant end) {
        if (end.isBefore(start)) {
            return between(end, start).negated();
        }
        Duration total = Duration.ZERO;
        for (Instant[] opening : openings(start, end)) {
            total = total.plus(Duration.between(opening[0], opening[1]));
        }
        return total;
    }

    /** Forwards only: the first instant at which {@code duration} of business time has elapsed. */
    public Instant add(Instant start, Duration duration) {
        if (duration.isZero()) {
            return start;
        }
        Duration left = duration;
        for (LocalDate date = LocalDate.ofInstant(start, definition.zone()).minusDays(1); ; date = date.plusDays(1)) {
            if (date.isAfter(CalendarDefinition.LAST_DATE)) {
                throw new CalendarRangeException("beyond the span");
            }
            for (Instant[] interval : intervals(date)) {
                Instant from = max(interval[0], start);
                if (!from.isBefore(interval[1])) {
                    continue;
                }
                Duration available = Duration.between(from, interval[1]);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
    }

    /** The openings inside {@code [start, end)}, clipped to it, in order: each an instant pair. */
    public List<Instant[]> openings(Instant start, Instant end) {
        List<Instant[]> inside = new java.util.ArrayList<>();
        LocalDate last = LocalDate.ofInstant(end, definition.zone()).plusDays(1);
        for (LocalDate date = LocalDate.ofInstant(start, definition.zone()).minusDays(1);
                !date.isAfter(last);
                date = date.plusDays(1)) {
            for (Instant[] interval : intervals(date)) {
                Instant from = max(interval[0], start);
                Instant to = min(interval[1], end);
                if (from.isBefore(to)) {
                    inside.add(new Instant[] {from, to});
                }
            }
        }
        return inside;
    }

    /** The business hours of one local date as instant pairs, in order. */
    List<Instant[]> intervals(LocalDate date) {
        List<TimeRange> ranges;
        if (definition.overrides().containsKey(date)) {
            ranges = definition.overrides().get(date);
        } else if (isHoliday(date)) {
            ranges = List.of();
        } else if (definition.hours().isAlwaysOpen()) {
            ranges = List.of(TimeRange.of("00:00", "24:00"));
        } else {
            ranges = definition.hours().on(date.getDayOfWeek());
        }
        return ranges.stream()
                .map(range -> new Instant[] {at(date, range.startMinute()), at(date, range.endMinute())})
                .toList();
    }

    private boolean isHoliday(LocalDate date) {
        return definition.holidays().contains(date)
                || definition.holidaySets().stream()
                        .anyMatch(set -> HolidaySets.standard()
                                .closedDates(set, date.getYear())
                                .contains(date));
    }

    private Instant at(LocalDate date, int minute) {
        if (minute == 24 * 60) {
            return ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, definition.zone())
                    .toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), definition.zone())
                .toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
