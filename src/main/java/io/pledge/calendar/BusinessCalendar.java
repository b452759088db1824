package io.pledge.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Business-time arithmetic over a {@link CalendarDefinition}, exact to the nanosecond.
 *
 * <p>Compiling turns the definition into the sorted, disjoint open intervals of every local date from
 * {@link CalendarDefinition#FIRST_DATE} to {@link CalendarDefinition#LAST_DATE}, as instants: a date's
 * hours are its override when it has one, none when it is a holiday, otherwise its weekday's hours
 * ({@code 24x7}: the whole day). Local times become instants as {@link ZonedDateTime#of} resolves them:
 * a time in a daylight-saving gap moves later by the gap, an overlap takes the earlier offset. So the
 * always-open calendar counts real elapsed time, 23- and 25-hour days included. Touching intervals
 * are merged.
 *
 * <p>Each interval also holds the business time elapsed before it, so {@link #add} and
 * {@link #between} are two binary searches whatever the span. Instances are immutable and
 * thread-safe; {@link BusinessCalendars} caches them per definition.
 *
 * <p>All intervals are half-open {@code [open, close)}.
 */
public final class BusinessCalendar {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private final CalendarDefinition definition;
    /** Open instant of each interval, epoch nanoseconds. */
    private final long[] opens;
    /** Close instant of each interval, epoch nanoseconds. */
    private final long[] closes;
    /** Business nanoseconds elapsed from the first interval's open to each interval's open. */
    private final long[] before;
    /** The compiled span: local midnight starting the first date to local midnight after the last. */
    private final long spanStart;

    private final long spanEnd;
    /**
     * For each 24-hour bucket from {@code spanStart}, the last interval opening at or before the bucket's
     * start (-1 when none): locating an instant is then a short forward scan, not a search.
     */
    private final int[] bucketStart;

    private BusinessCalendar(
            CalendarDefinition definition, long[] opens, long[] closes, long[] before, long spanStart, long spanEnd) {
        this.definition = definition;
        this.opens = opens;
        this.closes = closes;
        this.before = before;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.bucketStart = new int[(int) ((spanEnd - spanStart) / NANOS_PER_DAY) + 2];
        int index = -1;
        for (int bucket = 0; bucket < bucketStart.length; bucket++) {
            long start = spanStart + bucket * NANOS_PER_DAY;
            while (index + 1 < opens.length && opens[index + 1] <= start) {
                index++;
            }
            bucketStart[bucket] = index;
        }
    }

    /** Compiles a definition; prefer {@link BusinessCalendars#of} which caches the result. */
    public static BusinessCalendar compile(CalendarDefinition definition) {
        return compile(definition, HolidaySets.standard());
    }

    static BusinessCalendar compile(CalendarDefinition definition, HolidaySets holidaySets) {
        ZoneId zone = definition.zone();
        Set<LocalDate> closed = new HashSet<>(definition.holidays());
        for (String set : definition.holidaySets()) {
            for (int year = CalendarDefinition.FIRST_DATE.getYear();
                    year <= CalendarDefinition.LAST_DATE.getYear();
                    year++) {
                closed.addAll(holidaySets.closedDates(set, year));
            }
        }
        Intervals intervals = new Intervals();
        for (LocalDate date = CalendarDefinition.FIRST_DATE;
                !date.isAfter(CalendarDefinition.LAST_DATE);
                date = date.plusDays(1)) {
            for (TimeRange range : hoursOn(definition, closed, date)) {
                intervals.add(
                        toEpochNanos(date, range.startMinute(), zone), toEpochNanos(date, range.endMinute(), zone));
            }
        }
        return intervals.build(
                definition,
                toEpochNanos(CalendarDefinition.FIRST_DATE, 0, zone),
                toEpochNanos(CalendarDefinition.LAST_DATE, TimeRange.MINUTES_PER_DAY, zone));
    }

    private static List<TimeRange> hoursOn(CalendarDefinition definition, Set<LocalDate> closed, LocalDate date) {
        List<TimeRange> override = definition.overrides().get(date);
        if (override != null) {
            return override;
        }
        if (closed.contains(date)) {
            return List.of();
        }
        return definition.hours().isAlwaysOpen()
                ? List.of(new TimeRange(0, TimeRange.MINUTES_PER_DAY))
                : definition.hours().on(date.getDayOfWeek());
    }

    private static long toEpochNanos(LocalDate date, int minuteOfDay, ZoneId zone) {
        LocalDateTime local = minuteOfDay == TimeRange.MINUTES_PER_DAY
                ? date.plusDays(1).atStartOfDay()
                : LocalDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60));
        return ZonedDateTime.of(local, zone).toEpochSecond() * NANOS_PER_SECOND;
    }

    public CalendarDefinition definition() {
        return definition;
    }

    /**
     * The first instant at which {@code duration} of business time has elapsed since {@code start}.
     * {@code add(t, 0) = t}; a duration that ends exactly at a closing time gives that closing instant.
     * A negative duration goes backwards: the latest instant {@code s <= start} with
     * {@code between(s, start) = -duration}.
     *
     * @throws CalendarRangeException when the result lies outside the compiled span
     */
    public Instant add(Instant start, Duration duration) {
        if (duration.isZero()) {
            return start;
        }
        long t = nanos(start);
        int hint = locate(t);
        long target = position(t, hint) + nanos(duration);
        if (target < 0 || target > total()) {
            throw new CalendarRangeException("adding " + duration + " to " + start + " leaves the calendar's span");
        }
        int index;
        if (duration.isNegative()) {
            // The latest instant with that much business time before it: an opening, not the close before it.
            index = gallopBackward(target, Math.max(hint, 0));
        } else {
            // The first such instant: within or at the close of the interval that reaches the target.
            index = gallopForward(target, Math.max(hint, 0));
        }
        return instant(opens[index] + (target - before[index]));
    }

    /** The business time inside {@code [start, end)}; negative when {@code end} is before {@code start}. */
    public Duration between(Instant start, Instant end) {
        long from = nanos(start);
        long to = nanos(end);
        return Duration.ofNanos(position(to, locate(to)) - position(from, locate(from)));
    }

    /** Whether the instant lies in business hours. */
    public boolean isOpen(Instant instant) {
        long t = nanos(instant);
        int index = locate(t);
        return index >= 0 && t < closes[index];
    }

    /** The instant itself when open, otherwise the next opening; empty when none follows. */
    public Optional<Instant> nextOpen(Instant instant) {
        long t = nanos(instant);
        int index = locate(t);
        if (index >= 0 && t < closes[index]) {
            return Optional.of(instant);
        }
        return index + 1 < opens.length ? Optional.of(instant(opens[index + 1])) : Optional.empty();
    }

    /**
     * The close of the business hours the instant is in, or of the next ones when it is closed; empty
     * when none follows, or when the calendar never closes within its span.
     */
    public Optional<Instant> nextClose(Instant instant) {
        long t = nanos(instant);
        int index = locate(t);
        if (index < 0 || t >= closes[index]) {
            index++;
        }
        if (index >= closes.length || closes[index] == spanEnd) {
            return Optional.empty();
        }
        return Optional.of(instant(closes[index]));
    }

    /**
     * Whether the local date has business hours: some business time between its start and the start of
     * the next date, in the calendar's zone (a holiday or a weekday without hours has none).
     *
     * @throws CalendarRangeException when the date is outside the compiled span
     */
    public boolean isBusinessDay(LocalDate date) {
        long from = startOfDay(date);
        long to = startOfDay(date.plusDays(1));
        return position(to, locate(to)) > position(from, locate(from));
    }

    /**
     * The close of business of a local date: the end of its last business hours, cut at the next
     * midnight when they run on into the next date; empty when the date is not a business day.
     *
     * @throws CalendarRangeException when the date is outside the compiled span
     */
    public Optional<Instant> closeOfBusiness(LocalDate date) {
        if (!isBusinessDay(date)) {
            return Optional.empty();
        }
        long to = startOfDay(date.plusDays(1));
        int index = locate(to);
        if (opens[index] == to) {
            index--; // hours opening at the next midnight belong to the next date
        }
        return Optional.of(instant(Math.min(closes[index], to)));
    }

    private long startOfDay(LocalDate date) {
        if (date.isBefore(CalendarDefinition.FIRST_DATE) || date.isAfter(CalendarDefinition.LAST_DATE.plusDays(1))) {
            throw new CalendarRangeException("date " + date + " is outside the calendar's span "
                    + CalendarDefinition.FIRST_DATE + ".." + CalendarDefinition.LAST_DATE);
        }
        return toEpochNanos(date, 0, definition.zone());
    }

    /**
     * The last interval opening at or before {@code t} (-1 when none).
     *
     * @throws CalendarRangeException when {@code t} is outside the compiled span
     */
    private int locate(long t) {
        if (t < spanStart || t > spanEnd) {
            throw new CalendarRangeException("instant " + instant(t) + " is outside the calendar's span "
                    + CalendarDefinition.FIRST_DATE + ".." + CalendarDefinition.LAST_DATE);
        }
        int index = bucketStart[(int) ((t - spanStart) / NANOS_PER_DAY)];
        while (index + 1 < opens.length && opens[index + 1] <= t) {
            index++;
        }
        return index;
    }

    /** Business nanoseconds from the start of the span to {@code t}, whose interval is {@code index}. */
    private long position(long t, int index) {
        if (index < 0) {
            return 0;
        }
        return before[index] + Math.min(t, closes[index]) - opens[index];
    }

    /** The last index {@code >= from} whose {@code before} is {@code < target}, searching outwards from {@code from}. */
    private int gallopForward(long target, int from) {
        int low = from;
        int step = 1;
        while (low + step < before.length && before[low + step] < target) {
            low += step;
            step <<= 1;
        }
        int high = Math.min(low + step, before.length);
        int found = Arrays.binarySearch(before, low, high, target);
        return found >= 0 ? found - 1 : -found - 2;
    }

    /** The last index {@code <= from} whose {@code before} is {@code <= target}, searching backwards. */
    private int gallopBackward(long target, int from) {
        int high = Math.min(from, before.length - 1);
        int step = 1;
        while (high - step >= 0 && before[high - step] > target) {
            high -= step;
            step <<= 1;
        }
        int low = Math.max(high - step, 0);
        int found = Arrays.binarySearch(before, low, high + 1, target);
        return found >= 0 ? found : -found - 2;
    }

    private long total() {
        int last = opens.length - 1;
        return last < 0 ? 0 : before[last] + closes[last] - opens[last];
    }

    /**
     * The instant in epoch nanoseconds; an instant no long can hold (before 1677 or after 2262) is
     * outside any compiled span.
     */
    private static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException overflow) {
            throw new CalendarRangeException("instant " + instant + " is outside the calendar's span "
                    + CalendarDefinition.FIRST_DATE + ".." + CalendarDefinition.LAST_DATE);
        }
    }

    /**
     * The duration in nanoseconds; one no long can hold (about 292 years) reaches beyond any compiled
     * span from any instant in it, and so does one longer than the span itself.
     */
    private long nanos(Duration duration) {
        long span = spanEnd - spanStart;
        if (duration.compareTo(Duration.ofNanos(span)) > 0 || duration.compareTo(Duration.ofNanos(-span)) < 0) {
            throw new CalendarRangeException(
                    "a business time of " + duration + " is longer than the calendar's whole span");
        }
        return duration.toNanos();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + definition.name() + ", " + definition.zone() + ", " + opens.length + " intervals]";
    }

    /** Collects intervals in order, merging those that touch. */
    private static final class Intervals {

        private long[] opens = new long[1024];
        private long[] closes = new long[1024];
        private int size;

        void add(long open, long close) {
            if (close <= open) {
                return; // a range swallowed by a daylight-saving gap
            }
            if (size > 0 && open <= closes[size - 1]) {
                closes[size - 1] = Math.max(closes[size - 1], close);
                return;
            }
            if (size == opens.length) {
                opens = Arrays.copyOf(opens, size * 2);
                closes = Arrays.copyOf(closes, size * 2);
            }
            opens[size] = open;
            closes[size] = close;
            size++;
        }

        BusinessCalendar build(CalendarDefinition definition, long spanStart, long spanEnd) {
            long[] before = new long[size];
            long elapsed = 0;
            for (int i = 0; i < size; i++) {
                before[i] = elapsed;
                elapsed += closes[i] - opens[i];
            }
            return new BusinessCalendar(
                    definition, Arrays.copyOf(opens, size), Arrays.copyOf(closes, size), before, spanStart, spanEnd);
        }
    }
}
