package io.pledge.bench;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.HolidaySets;
import io.pledge.calendar.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/** The straightforward day-by-day walk, as a baseline for the compiled calendar. */
final class ReferenceArithmetic {

    private final CalendarDefinition definition;

    ReferenceArithmetic(CalendarDefinition definition) {
        this.definition = definition;
    }

    Duration between(Instant start, Instant end) {
        long total = 0;
        LocalDate last = LocalDate.ofInstant(end, definition.zone()).plusDays(1);
        for (LocalDate date = LocalDate.ofInstant(start, definition.zone()).minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (TimeRange range : hours(date)) {
                long from = Math.max(at(date, range.startMinute()).getEpochSecond(), start.getEpochSecond());
                long to = Math.min(at(date, range.endMinute()).getEpochSecond(), end.getEpochSecond());
                total += Math.max(0, to - from);
            }
        }
        return Duration.ofSeconds(total);
    }

    Instant add(Instant start, Duration duration) {
        long left = duration.getSeconds();
        if (left == 0) {
            return start;
        }
        for (LocalDate date = LocalDate.ofInstant(start, definition.zone()).minusDays(1); ; date = date.plusDays(1)) {
            for (TimeRange range : hours(date)) {
                long from = Math.max(at(date, range.startMinute()).getEpochSecond(), start.getEpochSecond());
                long to = at(date, range.endMinute()).getEpochSecond();
                if (to - from >= left) {
                    return Instant.ofEpochSecond(from + left);
                }
                left -= Math.max(0, to - from);
            }
        }
    }

    private List<TimeRange> hours(LocalDate date) {
        if (definition.overrides().containsKey(date)) {
            return definition.overrides().get(date);
        }
        if (definition.holidays().contains(date)
                || definition.holidaySets().stream()
                        .anyMatch(set -> HolidaySets.standard().closedDates(set, date.getYear()).contains(date))) {
            return List.of();
        }
        return definition.hours().on(date.getDayOfWeek());
    }

    private Instant at(LocalDate date, int minute) {
        return minute == 24 * 60
                ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, definition.zone()).toInstant()
                : ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), definition.zone()).toInstant();
    }
}
