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

    /**
     * What {@link Instant#toString()} writes ({@code 2026-02-05T06:06:00Z}), written by hand for the
     * instants an export holds, whole seconds in Pledge's range: an audit export has one per event, and
     * {@code toString} goes through a {@link DateTimeFormatter}. Other instants go through {@code toString}.
     */
    static String iso(Instant instant) {
        if (instant.getNano() != 0 || !Instants.inRange(instant)) {
            return instant.toString();
        }
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int time = (int) (seconds % 86_400);
        char[] text = new char[20];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time / 3600, 2);
        text[13] = ':';
        digits(text, 14, time / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, time % 60, 2);
        text[19] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
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
