package io.pledge.calendar;

import java.util.Objects;
import java.util.UUID;

/** Identity of a stored calendar. */
public record CalendarId(UUID value) {

    public CalendarId {
        Objects.requireNonNull(value, "value");
    }

    public static CalendarId of(String value) {
        return new CalendarId(UUID.fromString(value));
    }

    public static CalendarId random() {
        return new CalendarId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
