package io.pledge.calendar;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening hours per day of the week in local time; a day without ranges is closed. The
 * {@linkplain #ALWAYS always-open} hours ({@code 24x7}) count every real second, whatever the zone's
 * day length.
 */
public final class WeeklyHours {

    public static final String ALWAYS_OPEN_TEXT = "24x7";
    public static final WeeklyHours ALWAYS = new WeeklyHours(true, Map.of());

    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<TimeRange>> days;

    private WeeklyHours(boolean alwaysOpen, Map<DayOfWeek, List<TimeRange>> days) {
        this.alwaysOpen = alwaysOpen;
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(day, List.copyOf(ranges));
            }
        });
        this.days = Collections.unmodifiableMap(copy);
    }

    /** Hours per day; ranges must be sorted and must not overlap. */
    public static WeeklyHours of(Map<DayOfWeek, List<TimeRange>> days) {
        days.values().forEach(WeeklyHours::requireSortedDisjoint);
        return new WeeklyHours(false, days);
    }

    static void requireSortedDisjoint(List<TimeRange> ranges) {
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).startMinute() < ranges.get(i - 1).endMinute()) {
                throw new IllegalArgumentException("ranges must be sorted and must not overlap: " + ranges);
            }
        }
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The opening ranges of a day of the week, empty when closed (and for {@link #ALWAYS}). */
    public List<TimeRange> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** The document key of a day: {@code mon}..{@code sun}. */
    public static String key(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours that && alwaysOpen == that.alwaysOpen && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(alwaysOpen) * 31 + days.hashCode();
    }

    @Override
    public String toString() {
        return alwaysOpen ? ALWAYS_OPEN_TEXT : days.toString();
    }
}
