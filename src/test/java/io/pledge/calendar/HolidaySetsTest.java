package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidaySetsTest {

    private final HolidaySets sets = HolidaySets.standard();

    @Test
    void knowsCountriesAndSubdivisions() {
        assertThat(sets.isKnown("FR")).isTrue();
        assertThat(sets.isKnown("fr")).isTrue();
        assertThat(sets.isKnown("US-NY")).isTrue();
        assertThat(sets.isKnown("DE-BY")).isTrue();
        assertThat(sets.isKnown("XX")).isFalse();
        assertThat(sets.isKnown("US-ZZ")).isFalse();
        assertThat(sets.isKnown("")).isFalse();
    }

    @Test
    void closesThePublicHolidaysOfTheSet() {
        assertThat(sets.closedDates("FR", 2026))
                .contains(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 6), // Easter Monday
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 7, 14),
                        LocalDate.of(2026, 12, 25))
                .doesNotContain(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26));
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        // Epiphany is a public holiday in Bavaria, not in Germany as a whole.
        assertThat(sets.closedDates("DE-BY", 2026)).contains(LocalDate.of(2026, 1, 6));
        assertThat(sets.closedDates("DE", 2026)).doesNotContain(LocalDate.of(2026, 1, 6));
    }
}
