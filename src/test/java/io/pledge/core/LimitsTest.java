package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ranges every request value is held to (README, "Limits"). */
class LimitsTest {

    @Test
    void instantsRunFrom1970To2200Exclusive() {
        assertThat(Instants.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(Instants.parse("2199-12-31T23:59:59.999999999Z")).isBefore(Instants.MAX);
        assertThat(Instants.parse("2026-03-27T17:00:00+01:00")).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1969-12-31T23:59:59Z",
                "2200-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "1970-01-01T00:30:00+01:00"
            })
    void instantsOutsideTheRangeAreRefusedNamingIt(String text) {
        assertThatThrownBy(() -> Instants.parse(text))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("from 1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z");
    }

    @Test
    void datesHaveTheSameRange() {
        assertThat(Instants.parseDate("2199-12-31")).isEqualTo(LocalDate.of(2199, 12, 31));
        assertThatThrownBy(() -> Instants.parseDate("2200-01-01")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> Instants.parseDate("+999999999-12-31")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> Instants.parseDate("0000-01-01")).isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void durationsAreShorterThanAHundredYearsEitherWay() {
        assertThat(Durations.parse("P36524D")).isEqualTo(Duration.ofDays(36_524));
        assertThat(Durations.parse("-PT4H")).isEqualTo(Duration.ofHours(-4));
        assertThatThrownBy(() -> Durations.parse("P36525D")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> Durations.parse("PT2562047788015215H")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> Durations.parse("-PT2562047788015215H")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> Durations.parseNonNegative("-PT1S")).isInstanceOf(OutOfRangeException.class);
        assertThat(Durations.inRange(Duration.ofSeconds(Long.MIN_VALUE))).isFalse();
        assertThat(Durations.inRange(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
                .isFalse();
    }

    @Test
    void decimalsHaveABoundedScaleAndMagnitude() {
        assertThat(Numbers.inRange(new BigDecimal("0.75"))).isTrue();
        assertThat(Numbers.inRange(new BigDecimal("99.999999999"))).isTrue();
        assertThat(Numbers.inRange(new BigDecimal("0.750000000000000000000"))).isTrue();
        assertThat(Numbers.inRange(new BigDecimal("999999999999999"))).isTrue();
        assertThat(Numbers.inRange(new BigDecimal("0E-999999999"))).isTrue();
        assertThat(Numbers.inRange(new BigDecimal("0.0000000001"))).isFalse();
        assertThat(Numbers.inRange(new BigDecimal("1000000000000000"))).isFalse();
        assertThat(Numbers.inRange(new BigDecimal("1e+999999999"))).isFalse();
    }

    @Test
    void aDecimalWithABillionDigitScaleIsRefusedWithoutWritingItOut() {
        // toPlainString() of this value is a billion characters: the check must not come near it.
        BigDecimal tiny = new BigDecimal("1e-999999999");
        long started = System.nanoTime();
        assertThat(Numbers.inRange(tiny)).isFalse();
        assertThatThrownBy(() -> Numbers.check(tiny))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("must have at most 9 decimal places and below 10^15 in absolute value");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void textsWithALoneSurrogateAreMalformed() {
        assertThat(Texts.wellFormed("Zoë 😀")).isTrue();
        assertThat(Texts.wellFormed("a\uD800")).isFalse();
        assertThat(Texts.wellFormed("\uDC00a")).isFalse();
        assertThat(Texts.wellFormed("\uD83D\uD83D")).isFalse();
        assertThat(Texts.clean("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(new Violation("name", "\"\uD800\" is not valid").message()).isEqualTo("\"\uFFFD\" is not valid");
    }

    @Test
    void violationsNameTheRangeOfAValueOutsideIt() {
        Violations violations = new Violations();
        violations.parse("at", "0000-01-01T00:00:00Z", Instants.WHAT, Instants::parse);
        violations.text("password", "secret\uDFFF", 100);

        assertThat(violations.list())
                .containsExactly(
                        new Violation(
                                "at",
                                "must be from 1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z (exclusive), got"
                                        + " 0000-01-01T00:00:00Z"),
                        new Violation("password", Texts.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1", "ftp://example.com/x", "http:///path", "https://", "http://exa mple.com"})
    void webAddressesAreAbsoluteHttpUrlsWithAHost(String text) {
        assertThat(HttpUrls.problem(text)).isNotNull();
    }

    @Test
    void aWellFormedWebAddressPasses() {
        assertThat(HttpUrls.problem("https://hooks.example.com/pledge?x=1")).isNull();
        assertThat(HttpUrls.problem("http://[::1]:8080/hook")).isNull();
    }
}
