package io.pledge.calendar;

import java.util.List;
import java.util.Optional;

/** The stored calendars. */
public interface Calendars {

    StoredCalendar add(CalendarDefinition definition);

    Optional<StoredCalendar> find(CalendarId id);

    boolean exists(CalendarId id);

    /** All calendars, by name. */
    List<StoredCalendar> all();

    /** Replaces a calendar's definition; empty when no such calendar. */
    Optional<StoredCalendar> replace(CalendarId id, CalendarDefinition definition);

    /** Removes a calendar; false when there was none. */
    boolean remove(CalendarId id);
}
