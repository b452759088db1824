package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.BusinessDayRule.Ending;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Business-day deadlines checked against a slow reference that walks the calendar's definition date by
 * date (its hours, holidays and overrides, nothing compiled), on calendars with lunch breaks, holidays,
 * overrides, night shifts across midnight, daylight-saving changes and around the clock.
 */
class BusinessDayRuleProperties {

    private static final String NIGHT_SHIFT = """
            {"name": "Night shift", "zone": "America/New_York",
             "hours": {"mon": [["00:00","06:00"],["22:00","24:00"]], "tue": [["00:00","06:00"],["22:00","24:00"]],
                       "sun": [["01:00","04:00"],["22:00","24:00"]]},
             "holidaySets": ["US-NY"], "overrides": {"2026-11-26": [], "2027-03-14": [["02:00","02:45"]]}}""";

    private static final String ALWAYS_WITH_HOLIDAYS = """
            {"name": "24x7 but Christmas", "zone": "Europe/Paris", "hours": "24x7", "holidays": ["2026-12-25", "2027-12-25"]}""";

    private static final BusinessCalendar[] CALENDARS = {
        TestCalendars.paris(), TestCalendars.compiled(NIGHT_SHIFT), TestCalendars.compiled(ALWAYS_WITH_HOLIDAYS)
    };

    private static final long FROM = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> seconds = Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
        // Also instants on the quarter hour, where openings, closings and cut-offs fall.
        Arbitrary<Instant> quarters =
                Arbitraries.longs().between(FROM / 900, TO / 900).map(q -> Instant.ofEpochSecond(q * 900));
        return Arbitraries.oneOf(seconds, quarters);
    }

    @Provide
    Arbitrary<BusinessDayRule> rules() {
        Arbitrary<BusinessDayRule> next = Arbitraries.integers()
                .between(0, 24 * 4 - 1)
                .map(q -> BusinessDayRule.nextBusinessDayBy(LocalTime.of(q / 4, q % 4 * 15)));
        Arbitrary<BusinessDayRule> days = Combinators.combine(
                        Arbitraries.integers().between(1, 12), Arbitraries.of(Ending.class))
                .as(BusinessDayRule::businessDays);
        return Arbitraries.oneOf(next, days, Arbitraries.just(BusinessDayRule.endOfBusinessDay()));
    }

    @Property(tries = 600)
    void deadlineAgreesWithTheReference(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("rules") BusinessDayRule rule) {
        Reference reference = new Reference(calendar.definition());
        Instant local = reference.localDeadline(rule, start);

        assertThat(rule.localDeadline(calendar, start)).isEqualTo(local);
        assertThat(rule.budget(calendar, start)).isEqualTo(reference.calendar.between(start, local));
        assertThat(rule.deadline(calendar, start)).isEqualTo(reference.lastBusinessInstant(local));
    }

    @Property
    void theBudgetIsPositiveAndTheDeadlineIsItsFirstInstant(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("rules") BusinessDayRule rule) {
        Instant deadline = rule.deadline(calendar, start);

        assertThat(rule.budget(calendar, start)).isPositive();
        assertThat(calendar.between(start, deadline)).isEqualTo(rule.budget(calendar, start));
        assertThat(calendar.isOpen(deadline.minusNanos(1))).isTrue();
    }

    @Property
    void aLaterStartNeverGivesAnEarlierDeadline(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start,
            @ForAll("rules") BusinessDayRule rule) {
        Instant later = start.plusSeconds(3600 * 7 + 61);
        assertThat(rule.deadline(calendar, later)).isAfterOrEqualTo(rule.deadline(calendar, start));
    }

    /** The rule read literally, walking the definition's dates one by one. */
    private static final class Reference {

        final ReferenceCalendar calendar;
        final ZoneId zone;

        Reference(CalendarDefinition definition) {
            this.calendar = new ReferenceCalendar(definition);
            this.zone = definition.zone();
        }

        Instant localDeadline(BusinessDayRule rule, Instant start) {
            // The first business hours that end after the start: their date is the starting business day.
            LocalDate day = null;
            Instant opening = null;
            for (LocalDate date = LocalDate.ofInstant(start, zone).minusDays(1); day == null; date = date.plusDays(1)) {
                for (Instant[] hours : calendar.intervals(date)) {
                    if (hours[0].isBefore(hours[1]) && hours[1].isAfter(start)) {
                        day = date;
                        opening = hours[0].isAfter(start) ? hours[0] : start;
                        break;
                    }
                }
            }
            return switch (rule.kind()) {
                case END_OF_BUSINESS_DAY -> close(day);
                case NEXT_BUSINESS_DAY ->
                    ZonedDateTime.of(after(day, 1), rule.by(), zone).toInstant();
                case BUSINESS_DAYS ->
                    rule.ending() == Ending.CLOSE
                            ? close(after(day, rule.days()))
                            : ZonedDateTime.of(
                                            after(day, rule.days()),
                                            opening.atZone(zone).toLocalTime(),
                                            zone)
                                    .toInstant();
            };
        }

        /**
         * The instant itself when business time runs just before it (inside business hours, not at their
         * opening), otherwise the last close before it.
         */
        Instant lastBusinessInstant(Instant local) {
            Instant latestClose = null;
            LocalDate date = LocalDate.ofInstant(local, zone).plusDays(1);
            for (int back = 0; back < 30; back++, date = date.minusDays(1)) {
                for (Instant[] hours : calendar.intervals(date)) {
                    if (hours[0].isBefore(local) && hours[1].isAfter(local)) {
                        return local;
                    }
                    if (hours[0].isBefore(hours[1])
                            && !hours[1].isAfter(local)
                            && (latestClose == null || hours[1].isAfter(latestClose))) {
                        latestClose = hours[1];
                    }
                }
            }
            return latestClose;
        }

        private boolean isBusinessDay(LocalDate date) {
            return calendar.intervals(date).stream().anyMatch(h -> h[0].isBefore(h[1]));
        }

        private LocalDate after(LocalDate day, int count) {
            LocalDate date = day;
            for (int left = count; left > 0; ) {
                date = date.plusDays(1);
                if (isBusinessDay(date)) {
                    left--;
                }
            }
            return date;
        }

        private Instant close(LocalDate date) {
            List<Instant[]> hours = calendar.intervals(date);
            return hours.stream()
                    .filter(h -> h[0].isBefore(h[1]))
                    .map(h -> h[1])
                    .max(Instant::compareTo)
                    .orElseThrow();
        }
    }
}
