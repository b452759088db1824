package io.pledge.reporting.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackFormatTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Stream<Arguments> percentages() {
        return Stream.of(
                Arguments.of(Locale.ENGLISH, "99.95", "99.95%"),
                Arguments.of(Locale.FRENCH, "99.95", "99,95 %"),
                Arguments.of(Locale.ENGLISH, "100", "100%"),
                // Rounded down: an availability short of 100% never reads as 100%.
                Arguments.of(Locale.ENGLISH, "99.999", "99.99%"),
                Arguments.of(Locale.FRENCH, "0", "0 %"));
    }

    @ParameterizedTest
    @MethodSource("percentages")
    void percentages(Locale locale, String value, String expected) {
        assertThat(plain(format(locale).percent(new BigDecimal(value)))).isEqualTo(expected);
    }

    static Stream<Arguments> money() {
        return Stream.of(
                Arguments.of(Locale.ENGLISH, "1234.5", "EUR", "€1,234.50"),
                Arguments.of(Locale.FRENCH, "1234.5", "EUR", "1 234,50 €"),
                Arguments.of(Locale.FRENCH, "0", "EUR", "0,00 €"),
                Arguments.of(Locale.ENGLISH, "1500", "JPY", "¥1,500"));
    }

    @ParameterizedTest
    @MethodSource("money")
    void money(Locale locale, String amount, String currency, String expected) {
        assertThat(plain(format(locale).money(new BigDecimal(amount), Currency.getInstance(currency))))
                .isEqualTo(expected);
    }

    static Stream<Arguments> businessTime() {
        return Stream.of(
                Arguments.of(Duration.ofMinutes(200), "3 h 20 min"),
                Arguments.of(Duration.ofHours(52), "52 h"),
                Arguments.of(Duration.ofMinutes(45), "45 min"),
                Arguments.of(Duration.ofSeconds(59), "59 s"),
                Arguments.of(Duration.ofHours(1234).plusMinutes(5), "1 234 h 5 min"),
                Arguments.of(Duration.ofMinutes(-20), "−20 min"));
    }

    @ParameterizedTest
    @MethodSource("businessTime")
    void businessTimeInHoursAndMinutes(Duration duration, String french) {
        assertThat(plain(format(Locale.FRENCH).duration(duration))).isEqualTo(french);
    }

    @ParameterizedTest
    @MethodSource("businessTime")
    void englishGroupsHoursWithCommas(Duration duration, String french) {
        assertThat(plain(format(Locale.ENGLISH).duration(duration))).isEqualTo(french.replace("1 234", "1,234"));
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of(Locale.ENGLISH, "July 1, 2026 – September 30, 2026", "12:30 AM"),
                Arguments.of(Locale.FRENCH, "du 1 juillet 2026 au 30 septembre 2026", "00:30"));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void periods(Locale locale, String expected, String ignored) {
        assertThat(plain(format(locale).period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dates")
    void instantsInTheClientsZone(Locale locale, String ignored, String halfPastMidnight) {
        // 22:30 UTC on 31 March is already 1 April in Paris (summer time, UTC+2).
        assertThat(plain(format(locale).dateTime(Instant.parse("2026-03-31T22:30:00Z"))))
                .contains(halfPastMidnight)
                .containsAnyOf("Apr 1", "1 avr.");
    }

    private static PackFormat format(Locale locale) {
        return new PackFormat(locale, PARIS, QbrRenderer.messages());
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
