package io.pledge.sla;

import io.pledge.calendar.CalendarId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The business time allowed for one metric at one priority, counted in the target's own calendar
 * when it has one (Gold P1 is often 24x7), otherwise in the contract's calendar.
 */
public record Target(Priority priority, Metric metric, Duration duration, Optional<CalendarId> calendar) {

    public Target {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(calendar, "calendar");
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a target duration must be positive");
        }
    }
}
