package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessDayRule;
import io.pledge.calendar.CalendarId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy promises for one metric at one priority, counted in the target's own calendar when it
 * has one (Gold P1 is often 24x7), otherwise in the contract's calendar: either a {@code duration} of
 * business time, or a deadline in {@code businessDays} ("next business day by 17:00"), never both.
 *
 * <p>A business-day target fixes its deadline when its clock starts; its budget is the business time
 * from that start to the deadline, and from there the clock counts as a duration target does (ADR 0040).
 *
 * @param duration the business time allowed; null for a business-day target
 * @param businessDays the business-day deadline; null for a duration target
 */
public record Target(
        Priority priority,
        Metric metric,
        Duration duration,
        Optional<CalendarId> calendar,
        BusinessDayRule businessDays) {

    public Target {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(calendar, "calendar");
        if ((duration == null) == (businessDays == null)) {
            throw new IllegalArgumentException("a target is either a duration or a business-day deadline");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("a target duration must be positive");
        }
    }

    /** A target of business time. */
    public Target(Priority priority, Metric metric, Duration duration, Optional<CalendarId> calendar) {
        this(priority, metric, Objects.requireNonNull(duration, "duration"), calendar, null);
    }

    /** A target of business days. */
    public Target(Priority priority, Metric metric, BusinessDayRule businessDays, Optional<CalendarId> calendar) {
        this(priority, metric, null, calendar, Objects.requireNonNull(businessDays, "businessDays"));
    }

    public boolean isBusinessDays() {
        return businessDays != null;
    }

    /**
     * The business time a clock of this target started at {@code start} may count, in the target's
     * calendar: the duration itself, or the business time from the start to the business-day deadline.
     *
     * @throws io.pledge.calendar.CalendarRangeException when the deadline lies beyond the calendar
     */
    public Duration budget(BusinessCalendar calendar, Instant start) {
        return duration != null ? duration : businessDays.budget(calendar, start);
    }

    /** The target as its policy states it: "PT4H", "next business day by 17:00". */
    public String describe() {
        return duration != null ? duration.toString() : businessDays.describe();
    }
}
