package io.pledge.calendar;

import java.util.List;

/**
 * Implemented by modules whose records count time in a calendar (contracts, policy targets), so that
 * a calendar still in use is never deleted.
 */
public interface CalendarUsage {

    /** Human-readable descriptions of what uses the calendar, such as {@code contract 3f2a… (Acme)}. */
    List<String> usesOf(CalendarId calendar);
}
