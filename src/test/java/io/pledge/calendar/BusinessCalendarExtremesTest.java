package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs no long of nanoseconds can hold are outside the calendar's span, never an arithmetic overflow. */
class BusinessCalendarExtremesTest {

    private static final BusinessCalendar ALWAYS = TestCalendars.always("UTC");

    static Stream<Arguments> additions() {
        Instant inside = Instant.parse("2026-03-27T16:00:00Z");
        return Stream.of(
                Arguments.of(Instant.parse("0000-01-01T00:00:00Z"), Duration.ofHours(4)),
                Arguments.of(Instant.MIN, Duration.ofHours(4)),
                Arguments.of(Instant.MAX, Duration.ofHours(4)),
                Arguments.of(inside, Duration.parse("PT2562047788015215H")),
                Arguments.of(inside, Duration.parse("-PT2562047788015215H")),
                Arguments.of(inside, Duration.ofSeconds(Long.MAX_VALUE)),
                Arguments.of(inside, Duration.ofSeconds(Long.MIN_VALUE)),
                Arguments.of(inside, Duration.ofDays(200 * 366L)));
    }

    @ParameterizedTest
    @MethodSource("additions")
    void addingOutsideTheSpanIsARangeError(Instant start, Duration duration) {
        assertThatThrownBy(() -> ALWAYS.add(start, duration)).isInstanceOf(CalendarRangeException.class);
    }

    @ParameterizedTest
    @MethodSource("additions")
    void everyQueryOfAnExtremeInstantIsARangeError(Instant start, Duration ignored) {
        Instant inside = Instant.parse("2026-03-27T16:00:00Z");
        if (start.equals(inside)) {
            return;
        }
        assertThatThrownBy(() -> ALWAYS.between(start, inside)).isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> ALWAYS.between(inside, start)).isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> ALWAYS.isOpen(start)).isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> ALWAYS.nextOpen(start)).isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> ALWAYS.nextClose(start)).isInstanceOf(CalendarRangeException.class);
    }
}
