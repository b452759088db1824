package io.pledge.tickets.imports;

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

    private static final DateTimeFormatter DAY_FIRST =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);

    private ExportTimes() {}

    /** {@code D/M/YYYY HH:MM[:SS]}, day first, in {@code zone}. */
    static Instant dayFirst(String text, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(text.strip(), DAY_FIRST), zone)
                .toInstant();
    }

    /** ISO-8601 with an offset, or local ISO date-time or date, or day-first, the local ones in {@code zone}. */
    static Instant any(String text, ZoneId zone) {
        String value = text.strip();
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
