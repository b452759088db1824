package io.pledge.calendar;

/** A business-time computation would leave the span a compiled calendar covers (1970 to 2100). */
public class CalendarRangeException extends IllegalArgumentException {

    public CalendarRangeException(String message) {
        super(message);
    }
}
