package io.pledge.calendar;

import java.time.LocalTime;

/**
 * A half-open interval {@code [start, end)} of local wall-clock time within one day, to the minute.
 * The end may be {@code 24:00}, the end of the day.
 */
public record TimeRange(int startMinute, int endMinute) implements Comparable<TimeRange> {

    static final int MINUTES_PER_DAY = 24 * 60;

    public TimeRange {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
            throw new IllegalArgumentException("start must be within 00:00..23:59");
        }
        if (endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("end must be after start and at most 24:00");
        }
    }

    /** Parses {@code HH:MM} times; {@code 24:00} is accepted as an end. */
    public static TimeRange of(String start, String end) {
        return new TimeRange(parseMinute(start), parseMinute(end));
    }

    /** Minute of day of an {@code HH:MM} text, 0..1440 (1440 is {@code 24:00}). */
    static int parseMinute(String text) {
        if (text.length() != 5 || text.charAt(2) != ':') {
            throw new IllegalArgumentException("expected HH:MM");
        }
        if ("24:00".equals(text)) {
            return MINUTES_PER_DAY;
        }
        LocalTime time = LocalTime.parse(text);
        return time.getHour() * 60 + time.getMinute();
    }

    static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    public String start() {
        return format(startMinute);
    }

    public String end() {
        return format(endMinute);
    }

    public boolean overlaps(TimeRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public int compareTo(TimeRange other) {
        return startMinute != other.startMinute
                ? Integer.compare(startMinute, other.startMinute)
                : Integer.compare(endMinute, other.endMinute);
    }

    @Override
    public String toString() {
        return "[" + start() + ", " + end() + ")";
    }
}
