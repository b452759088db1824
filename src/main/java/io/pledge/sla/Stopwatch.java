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

    /**
     * Counts the closed stretches, then the one counting since {@code countingSince} (null when none), up
     * to {@code limit}: the stretches that start before it, a later end cut at it.
     */
    Stopwatch(BusinessCalendar calendar, List<Stretch> closed, Instant countingSince, Instant limit) {
        this.calendar = calendar;
        int count = 0;
        while (count < closed.size() && closed.get(count).start().isBefore(limit)) {
            count++;
        }
        boolean open = count == closed.size() && countingSince != null && countingSince.isBefore(limit);
        int all = open ? count + 1 : count;
        starts = new Instant[all];
        ends = new Instant[all];
        before = new long[all + 1];
        for (int i = 0; i < all; i++) {
            Instant end;
            if (i < count) {
                Stretch stretch = closed.get(i);
                starts[i] = stretch.start();
                end = stretch.end();
            } else {
                starts[i] = countingSince;
                end = limit;
            }
            ends[i] = end.isAfter(limit) ? limit : end;
            before[i + 1] = before[i] + calendar.between(starts[i], ends[i]).toNanos();
        }
    }

    /** The stretches a cycle counted, up to {@code limit}. */
    static Stopwatch of(BusinessCalendar calendar, ClockCycle cycle, Instant limit) {
        return new Stopwatch(calendar, cycle.stretches(), cycle.countingSince(), limit);
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
