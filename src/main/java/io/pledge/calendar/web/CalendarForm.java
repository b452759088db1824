package io.pledge.calendar.web;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.calendar.TimeRange;
import io.pledge.calendar.WeeklyHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar form's texts: one line of intervals per day ({@code 08:30-12:30, 13:30-18:00}), holiday
 * set codes separated by commas, one extra holiday per line, one override per line
 * ({@code 2026-12-24 08:30-12:00}, or a date alone to close it).
 */
public final class CalendarForm {

    private String name;
    private String zone;
    private boolean alwaysOpen;
    private Map<String, String> hours = new LinkedHashMap<>();
    private String holidaySets = "";
    private String holidays = "";
    private String overrides = "";

    static CalendarForm of(CalendarDefinition definition) {
        CalendarForm form = new CalendarForm();
        form.name = definition.name();
        form.zone = definition.zone().getId();
        form.alwaysOpen = definition.hours().isAlwaysOpen();
        for (DayOfWeek day : DayOfWeek.values()) {
            form.hours.put(WeeklyHours.key(day), ranges(definition.hours().on(day)));
        }
        form.holidaySets = String.join(", ", definition.holidaySets());
        form.holidays = String.join(
                "\n", definition.holidays().stream().map(LocalDate::toString).toList());
        List<String> lines = new ArrayList<>();
        definition.overrides().forEach((date, ranges) -> lines.add((date + " " + ranges(ranges)).strip()));
        form.overrides = String.join("\n", lines);
        return form;
    }

    /** Each day's line of hours, posted as {@code hours-mon} .. {@code hours-sun}. */
    void readHours(Map<String, String> fields) {
        hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = WeeklyHours.key(day);
            hours.put(key, fields.getOrDefault("hours-" + key, ""));
        }
    }

    private static String ranges(List<TimeRange> ranges) {
        return String.join(
                ", ", ranges.stream().map(r -> r.start() + "-" + r.end()).toList());
    }

    /** The API's calendar document these texts stand for; checking it is {@link CalendarDefinition#parse}'s. */
    CalendarDocument toDocument() {
        Object hoursValue;
        if (alwaysOpen) {
            hoursValue = WeeklyHours.ALWAYS_OPEN_TEXT;
        } else {
            Map<String, Object> days = new LinkedHashMap<>();
            hours.forEach((day, text) -> {
                List<Object> ranges = intervals(text);
                if (!ranges.isEmpty()) {
                    days.put(day, ranges);
                }
            });
            hoursValue = days;
        }
        List<Object> sets = new ArrayList<>();
        for (String code : blank(holidaySets) ? new String[0] : holidaySets.split("[,\\s]+")) {
            if (!code.isBlank()) {
                sets.add(code.strip());
            }
        }
        List<Object> dates = new ArrayList<>(lines(holidays));
        Map<String, Object> overrideValues = new LinkedHashMap<>();
        for (String line : lines(overrides)) {
            String[] parts = line.split("\\s+", 2);
            overrideValues.put(parts[0], intervals(parts.length > 1 ? parts[1] : ""));
        }
        return new CalendarDocument(
                blank(name) ? null : name.strip(),
                blank(zone) ? null : zone.strip(),
                hoursValue,
                sets,
                dates,
                overrideValues);
    }

    /** {@code 08:30-12:30, 13:30-18:00} as the document's pairs; a piece without a dash stays alone. */
    private static List<Object> intervals(String text) {
        List<Object> ranges = new ArrayList<>();
        if (blank(text)) {
            return ranges;
        }
        for (String piece : text.split(",")) {
            if (!piece.isBlank()) {
                ranges.add(Arrays.stream(piece.split("[-\u2013]", -1))
                        .map(String::strip)
                        .map(s -> (Object) s)
                        .toList());
            }
        }
        return ranges;
    }

    private static List<String> lines(String text) {
        return blank(text)
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    public void setAlwaysOpen(boolean alwaysOpen) {
        this.alwaysOpen = alwaysOpen;
    }

    public Map<String, String> getHours() {
        return hours;
    }

    public void setHours(Map<String, String> hours) {
        this.hours = hours;
    }

    public String getHolidaySets() {
        return holidaySets;
    }

    public void setHolidaySets(String holidaySets) {
        this.holidaySets = holidaySets;
    }

    public String getHolidays() {
        return holidays;
    }

    public void setHolidays(String holidays) {
        this.holidays = holidays;
    }

    public String getOverrides() {
        return overrides;
    }

    public void setOverrides(String overrides) {
        this.overrides = overrides;
    }
}
