package io.pledge.tickets.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What day-first times meant before they were read by hand: the pattern, strictly resolved. */
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "5/2/2026 07:06       | 2026-02-05T06:06:00Z",
                "05/02/2026 7:06:59   | 2026-02-05T06:06:59Z",
                "' 31/12/2025 23:59 ' | 2025-12-31T22:59:00Z",
                "29/2/2028 00:00      | 2028-02-28T23:00:00Z",
                "29/3/2026 03:30      | 2026-03-29T01:30:00Z",
                "25/10/2026 02:30     | 2026-10-25T00:30:00Z"
            })
    void readsDayFirstTimesInTheZone(String text, Instant expected) {
        assertThat(ExportTimes.dayFirst(text, PARIS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "5/2/2026",
                "2026-02-05 07:06",
                "5-2-2026 07:06",
                "5/2/26 07:06",
                "5/2/2026 7:6",
                "5/2/2026 07:06:5",
                "5/2/2026 07:06:00.000",
                "5/2/2026 07:06 PM",
                "123/2/2026 07:06",
                "31/4/2026 10:00",
                "29/2/2027 10:00",
                "5/13/2026 10:00",
                "5/2/2026 24:00",
                "5/2/2026 10:60",
                "0/2/2026 10:00"
            })
    void refusesWhatIsNotADayFirstTime(String text) {
        assertThatThrownBy(() -> ExportTimes.dayFirst(text, PARIS)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> LocalDateTime.parse(text.strip(), PATTERN)).isInstanceOf(RuntimeException.class);
    }

    @Property
    void agreesWithThePattern(
            @ForAll @IntRange(min = 0, max = 33) int day,
            @ForAll @IntRange(min = 0, max = 13) int month,
            @ForAll @IntRange(min = 1970, max = 2100) int year,
            @ForAll @IntRange(min = 0, max = 24) int hour,
            @ForAll @IntRange(min = 0, max = 60) int minute,
            @ForAll @IntRange(min = -1, max = 60) int second,
            @ForAll boolean padded) {
        String text = (padded ? String.format("%02d/%02d", day, month) : day + "/" + month) + "/" + year + " "
                + (padded ? String.format("%02d", hour) : hour) + ":" + String.format("%02d", minute)
                + (second < 0 ? "" : String.format(":%02d", second));
        Instant expected;
        try {
            expected =
                    ZonedDateTime.of(LocalDateTime.parse(text, PATTERN), PARIS).toInstant();
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> ExportTimes.dayFirst(text, PARIS)).isInstanceOf(RuntimeException.class);
            return;
        }
        assertThat(ExportTimes.dayFirst(text, PARIS)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void writesInstantsAsToStringDoes(
            @ForAll @LongRange(min = -86_400, max = 7_258_204_800L) long seconds, @ForAll boolean withNanos) {
        Instant instant = Instant.ofEpochSecond(seconds, withNanos ? 123_000_000 : 0);

        assertThat(ExportTimes.iso(instant)).isEqualTo(instant.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1970-01-01T00:00:00Z", "2026-02-05T06:06:59Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z"})
    void writesTheEndsOfTheRangeAsToStringDoes(Instant instant) {
        assertThat(ExportTimes.iso(instant)).isEqualTo(instant.toString());
    }
}
