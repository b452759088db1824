package io.pledge.calendar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled calendars, cached by definition (compiling walks 131 years of dates). Holds at most
 * {@value #CAPACITY} calendars, dropping the least recently used. Thread-safe.
 */
public final class BusinessCalendars {

    static final int CAPACITY = 256;

    private static final Map<CalendarDefinition, BusinessCalendar> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CalendarDefinition, BusinessCalendar> eldest) {
            return size() > CAPACITY;
        }
    };

    private BusinessCalendars() {}

    /** The compiled form of a definition. */
    public static BusinessCalendar of(CalendarDefinition definition) {
        synchronized (CACHE) {
            BusinessCalendar cached = CACHE.get(definition);
            if (cached != null) {
                return cached;
            }
        }
        // Compiled outside the lock: two threads may compile the same definition once each, harmlessly.
        BusinessCalendar compiled = BusinessCalendar.compile(definition);
        synchronized (CACHE) {
            CACHE.putIfAbsent(definition, compiled);
            return CACHE.get(definition);
        }
    }
}
