package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The business time a cycle's counted stretches hold up to a limit, in one calendar: each stretch
 * measured once, so elapsed time at a stretch boundary and threshold crossings cost no search.
 */
final class Stopwatch {

    private final BusinessCalendar calendar;
    private final Instant[] starts;
    private final Instant[] ends;
    /** Business nanoseconds counted before each stretch; the last element is the total. */
    private final long[] before;

    /** Counts the stretches that start before {@code limit}, an open or later end cut at the limit. */
    Stopwatch(BusinessCalendar calendar, List<Stretch> stretches, Instant limit) {
        this.calendar = calendar;
        int count = 0;
        while (count < stretches.size() && stretches.get(count).start().isBefore(limit)) {
            count++;
        }
        starts = new Instant[count];
        ends = new Instant[count];
        before = new long[count + 1];
        for (int i = 0; i < count; i++) {
            Stretch stretch = stretches.get(i);
            starts[i] = stretch.start();
            ends[i] = stretch.isOpen() || stretch.end().isAfter(limit) ? limit : stretch.end();
            before[i + 1] = before[i] + calendar.between(starts[i], ends[i]).toNanos();
        }
    }

    Duration total() {
        return Duration.ofNanos(before[starts.length]);
    }

    /** Business time counted before {@code t}. */
    Duration elapsedAt(Instant t) {
        long counted = 0;
        for (int i = 0; i < starts.length && starts[i].isBefore(t); i++) {
            counted = !t.isBefore(ends[i])
                    ? before[i + 1]
                    : before[i] + calendar.between(starts[i], t).toNanos();
        }
        return Duration.ofNanos(counted);
    }

    /** The first instant at which {@code amount} nanoseconds were counted, or null if not by the limit. */
    Instant crossing(long amount) {
        for (int i = 0; i < starts.length; i++) {
            if (before[i + 1] >= amount) {
                return calendar.add(starts[i], Duration.ofNanos(amount - before[i]));
            }
        }
        return null;
    }
}
