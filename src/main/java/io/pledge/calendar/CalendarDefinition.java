package io.pledge.calendar;

import io.pledge.core.Violations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated business-hours calendar: weekly hours in a zone, holiday sets, extra closed dates and
 * per-date overrides (an override replaces the weekly hours of its date; an empty one closes it).
 */
public record CalendarDefinition(
        String name,
        ZoneId zone,
        WeeklyHours hours,
        List<String> holidaySets,
        SortedSet<LocalDate> holidays,
        SortedMap<LocalDate, List<TimeRange>> overrides) {

    /** Dates a calendar may name: the span its business-time arithmetic supports. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);

    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    static final int MAX_NAME_LENGTH = 200;

    private static final Map<String, DayOfWeek> DAY_KEYS = dayKeys();

    public CalendarDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        holidaySets = List.copyOf(holidaySets);
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        TreeMap<LocalDate, List<TimeRange>> copy = new TreeMap<>();
        overrides.forEach((date, ranges) -> {
            WeeklyHours.requireSortedDisjoint(ranges);
            copy.put(date, List.copyOf(ranges));
        });
        overrides = Collections.unmodifiableSortedMap(copy);
    }

    /** The always-open calendar in a zone: every second is business time. */
    public static CalendarDefinition alwaysOpen(String name, ZoneId zone) {
        return new CalendarDefinition(name, zone, WeeklyHours.ALWAYS, List.of(), new TreeSet<>(), new TreeMap<>());
    }

    /**
     * Validates a calendar document.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     */
    public static CalendarDefinition parse(CalendarDocument document) {
        Violations violations = new Violations();
        CalendarDefinition definition = parse(document, violations);
        violations.throwIfAny();
        return definition;
    }

    /**
     * Validates a calendar document, recording violations (see {@link Violations#under} for a
     * document nested in a larger request); null when invalid.
     */
    public static CalendarDefinition parse(CalendarDocument document, Violations violations) {
        int before = violations.count();
        String name = violations.text("name", document.name(), MAX_NAME_LENGTH);
        ZoneId zone = parseZone(document.zone(), violations, "zone");
        WeeklyHours hours = parseHours(document.hours(), violations, "hours");
        List<String> holidaySets = parseHolidaySets(document.holidaySets(), violations, "holidaySets");
        SortedSet<LocalDate> holidays = new TreeSet<>();
        List<?> holidayValues = violations.list("holidays", document.holidays());
        if (holidayValues != null) {
            for (int i = 0; i < holidayValues.size(); i++) {
                LocalDate date = parseDate(holidayValues.get(i), violations, "holidays[" + i + "]");
                if (date != null) {
                    holidays.add(date);
                }
            }
        }
        SortedMap<LocalDate, List<TimeRange>> overrides = new TreeMap<>();
        Map<?, ?> overrideValues = violations.object("overrides", document.overrides());
        if (overrideValues != null) {
            overrideValues.forEach((key, value) -> {
                String field = "overrides." + key;
                LocalDate date = parseDate(key, violations, field);
                List<TimeRange> ranges = parseRanges(value, violations, field);
                if (date != null && ranges != null) {
                    overrides.put(date, ranges);
                }
            });
        }
        if (violations.count() > before) {
            return null;
        }
        return new CalendarDefinition(name, zone, hours, holidaySets, holidays, overrides);
    }

    /** The document form; empty collections are left out, day keys in week order. */
    public CalendarDocument toDocument() {
        Object hoursValue;
        if (hours.isAlwaysOpen()) {
            hoursValue = WeeklyHours.ALWAYS_OPEN_TEXT;
        } else {
            Map<String, Object> days = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (!hours.on(day).isEmpty()) {
                    days.put(WeeklyHours.key(day), render(hours.on(day)));
                }
            }
            hoursValue = days;
        }
        Map<String, Object> overrideValues = new LinkedHashMap<>();
        overrides.forEach((date, ranges) -> overrideValues.put(date.toString(), render(ranges)));
        return new CalendarDocument(
                name,
                zone.getId(),
                hoursValue,
                holidaySets.isEmpty() ? null : List.copyOf(holidaySets),
                holidays.isEmpty()
                        ? null
                        : holidays.stream().map(d -> (Object) d.toString()).toList(),
                overrideValues.isEmpty() ? null : overrideValues);
    }

    private static List<Object> render(List<TimeRange> ranges) {
        return ranges.stream().map(r -> (Object) List.of(r.start(), r.end())).toList();
    }

    private static ZoneId parseZone(String zone, Violations violations, String field) {
        if (zone == null || zone.isBlank()) {
            violations.add(field, "is required");
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (RuntimeException e) {
            violations.add(field, "unknown zone \"" + zone + "\"");
            return null;
        }
    }

    private static WeeklyHours parseHours(Object value, Violations violations, String field) {
        if (value == null) {
            violations.add(field, "is required: an object of day keys mon..sun, or \"24x7\"");
            return null;
        }
        if (value instanceof String text) {
            if (WeeklyHours.ALWAYS_OPEN_TEXT.equalsIgnoreCase(text.strip())) {
                return WeeklyHours.ALWAYS;
            }
            violations.add(field, "must be an object of day keys mon..sun, or \"24x7\"; got \"" + text + "\"");
            return null;
        }
        Map<?, ?> days = violations.object(field, value);
        if (days == null) {
            return null;
        }
        int before = violations.count();
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach((key, ranges) -> {
            DayOfWeek day = DAY_KEYS.get(String.valueOf(key));
            if (day == null) {
                violations.add(
                        field + "." + key, "unknown day \"" + key + "\" (expected mon, tue, wed, thu, fri, sat, sun)");
                return;
            }
            List<TimeRange> parsed = parseRanges(ranges, violations, field + "." + key);
            if (parsed != null) {
                week.put(day, parsed);
            }
        });
        return violations.count() > before ? null : WeeklyHours.of(week);
    }

    /** A list of {@code ["HH:MM","HH:MM"]} pairs, sorted and disjoint; null when invalid. */
    private static List<TimeRange> parseRanges(Object value, Violations violations, String field) {
        if (value == null) {
            return List.of();
        }
        List<?> items = violations.list(field, value);
        if (items == null) {
            return null;
        }
        int before = violations.count();
        List<TimeRange> ranges = new ArrayList<>();
        TimeRange previous = null;
        for (int i = 0; i < items.size(); i++) {
            String itemField = field + "[" + i + "]";
            TimeRange range = parseRange(items.get(i), violations, itemField);
            if (range == null) {
                previous = null;
                continue;
            }
            if (previous != null && range.startMinute() < previous.startMinute()) {
                violations.add(itemField, "starts before the previous interval: intervals must be sorted");
            } else if (previous != null && range.overlaps(previous)) {
                violations.add(itemField, "overlaps the previous interval " + previous);
            }
            ranges.add(range);
            previous = range;
        }
        return violations.count() > before ? null : ranges;
    }

    private static TimeRange parseRange(Object value, Violations violations, String field) {
        if (!(value instanceof List<?> pair) || pair.size() != 2) {
            violations.add(field, "must be a pair [\"HH:MM\", \"HH:MM\"]");
            return null;
        }
        Integer start = parseMinute(pair.get(0), violations, field + "[0]", false);
        Integer end = parseMinute(pair.get(1), violations, field + "[1]", true);
        if (start == null || end == null) {
            return null;
        }
        if (end <= start) {
            violations.add(field, "ends at or before its start");
            return null;
        }
        return new TimeRange(start, end);
    }

    private static Integer parseMinute(Object value, Violations violations, String field, boolean end) {
        String text = value instanceof String s ? s.strip() : null;
        try {
            int minute = TimeRange.parseMinute(Objects.requireNonNull(text));
            if (!end && minute == TimeRange.MINUTES_PER_DAY) {
                violations.add(field, "24:00 may only end an interval");
                return null;
            }
            return minute;
        } catch (RuntimeException e) {
            violations.add(field, "invalid time \"" + value + "\" (expected HH:MM, 00:00 to 24:00)");
            return null;
        }
    }

    private static List<String> parseHolidaySets(Object value, Violations violations, String field) {
        List<?> codes = violations.list(field, value);
        if (codes == null) {
            return List.of();
        }
        LinkedHashSet<String> known = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            Object code = codes.get(i);
            if (!(code instanceof String text) || !HolidaySets.standard().isKnown(text)) {
                violations.add(
                        field + "[" + i + "]",
                        "unknown code \"" + code
                                + "\" (expected a country or subdivision code such as FR, US-NY, DE-BY)");
            } else {
                known.add(HolidaySets.normalize(text));
            }
        }
        return List.copyOf(known);
    }

    private static LocalDate parseDate(Object value, Violations violations, String field) {
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            violations.add(field, "invalid date \"" + value + "\" (expected YYYY-MM-DD)");
            return null;
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            violations.add(field, "date " + date + " is outside " + FIRST_DATE + ".." + LAST_DATE);
            return null;
        }
        return date;
    }

    private static Map<String, DayOfWeek> dayKeys() {
        Map<String, DayOfWeek> keys = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            keys.put(WeeklyHours.key(day), day);
        }
        return Map.copyOf(keys);
    }
}
