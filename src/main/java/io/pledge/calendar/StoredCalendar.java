package io.pledge.calendar;

import java.time.Instant;

/** A calendar definition as stored, with its identity. */
public record StoredCalendar(CalendarId id, CalendarDefinition definition, Instant createdAt, Instant updatedAt) {}
