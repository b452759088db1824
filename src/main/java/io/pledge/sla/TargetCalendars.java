package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;

/** The calendar a target counts in: its own when it names one, otherwise the contract's. */
@FunctionalInterface
public interface TargetCalendars {

    BusinessCalendar calendarFor(Target target);
}
