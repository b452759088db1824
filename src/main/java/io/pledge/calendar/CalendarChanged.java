package io.pledge.calendar;

/** A stored calendar was replaced or removed: compiled copies of it are stale. */
public record CalendarChanged(CalendarId calendar) {}
