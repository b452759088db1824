package io.pledge.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1969-12-31T23:59:59.999999999Z",
                "1900-02-28T12:00:00.000000500Z",
                "1970-01-01T00:00:00Z",
                "2000-01-01T00:00:00.000001Z",
                "2026-03-29T01:59:59.123456789Z",
                "2026-10-25T00:59:59.999999Z",
                "9999-12-31T23:59:59.999999999Z"
            })
    void anInstantInUtcToTheMicrosecond(String text) {
        Instant instant = Instant.parse(text);

        OffsetDateTime utc = Timestamps.utc(instant);

        assertThat(utc).isEqualTo(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        assertThat(utc.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void bindableTurnsOnlyInstantsIntoOffsetDateTimes() {
        Instant instant = Instant.parse("2026-03-29T01:59:59.123456789Z");

        assertThat(Timestamps.bindable(instant)).isEqualTo(Timestamps.utc(instant));
        assertThat(Timestamps.bindable("text")).isEqualTo("text");
        assertThat(Timestamps.bindable(null)).isNull();
    }

    @Test
    void noInstantIsNoTime() {
        assertThat(Timestamps.utc(null)).isNull();
    }
}
