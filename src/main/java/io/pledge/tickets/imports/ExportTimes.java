package io.pledge.tickets.imports;

import io.pledge.core.Instants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Timestamps as exports write them, read in the import's zone when they carry no offset. */
final class ExportTimes {

    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);

    private ExportTimes() {}

    /**
     * {@code D/M/YYYY H:MM[:SS]}, day first, in {@code zone}. Read by hand: an audit export has one per
     * row, and this is several times faster than a {@link DateTimeFormatter}, and as strict.
     */
    static Instant dayFirst(String text, ZoneId zone) {
        DayFirst reader = new DayFirst(text.strip());
        int day = reader.number(1, 2);
        reader.expect('/');
        int month = reader.number(1, 2);
        reader.expect('/');
        int year = reader.number(4, 4);
        reader.expect(' ');
        int hour = reader.number(1, 2);
        reader.expect(':');
        int minute = reader.number(2, 2);
        int second = 0;
        if (!reader.atEnd()) {
            reader.expect(':');
            second = reader.number(2, 2);
        }
        if (!reader.atEnd()) {
            throw reader.invalid();
        }
        // LocalDateTime.of refuses what does not exist (31/4, 29/2 outside leap years, 24:00).
        return Instants.check(ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), zone)
                .toInstant());
    }

    private static final class DayFirst {

        private final String text;
        private int position;

        DayFirst(String text) {
            this.text = text;
        }

        int number(int minDigits, int maxDigits) {
            int start = position;
            int value = 0;
            while (position < text.length() && position - start < maxDigits) {
                char c = text.charAt(position);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                position++;
            }
            if (position - start < minDigits) {
                throw invalid();
            }
            return value;
        }

        void expect(char separator) {
            if (atEnd() || text.charAt(position) != separator) {
                throw invalid();
            }
            position++;
        }

        boolean atEnd() {
            return position == text.length();
        }

        DateTimeParseException invalid() {
            return new DateTimeParseException("not a D/M/YYYY H:MM[:SS] time", text, position);
        }
    }

    /** ISO-8601 with an offset, or local ISO date-time or date, or day-first, the local ones in {@code zone}. */
    static Instant any(String text, ZoneId zone) {
        return Instants.check(anyForm(text.strip(), zone));
    }

    private static Instant anyForm(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the local forms
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(value, ISO_LOCAL), zone).toInstant();
        } catch (DateTimeParseException notIsoLocal) {
            // try a date alone, then day first
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            return dayFirst(value, zone);
        }
    }
}
