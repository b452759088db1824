package io.pledge.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CalendarDefinitionTest {

    static final String PARIS = """
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"],
             "holidays": ["2026-12-26"],
             "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""";

    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultPropertyInclusion(include ->
                    include.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void theDocumentedFormatRoundTrips() {
        CalendarDefinition definition = parse(PARIS);

        assertThat(definition.zone().getId()).isEqualTo("Europe/Paris");
        assertThat(definition.hours().on(DayOfWeek.MONDAY))
                .containsExactly(TimeRange.of("08:30", "12:30"), TimeRange.of("13:30", "18:00"));
        assertThat(definition.hours().on(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(definition.holidaySets()).containsExactly("FR");
        assertThat(definition.holidays()).containsExactly(LocalDate.parse("2026-12-26"));
        assertThat(definition.overrides().get(LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(tree(json.writeValueAsString(definition.toDocument()))).isEqualTo(tree(PARIS));
    }

    @Test
    void theAlwaysOpenCalendarRoundTrips() {
        String always = "{\"name\": \"Always\", \"zone\": \"UTC\", \"hours\": \"24x7\"}";

        CalendarDefinition definition = parse(always);

        assertThat(definition.hours().isAlwaysOpen()).isTrue();
        assertThat(definition).isEqualTo(CalendarDefinition.alwaysOpen("Always", java.time.ZoneId.of("UTC")));
        assertThat(tree(json.writeValueAsString(definition.toDocument()))).isEqualTo(tree(always));
    }

    @Test
    void twentyFourHundredMayEndADay() {
        CalendarDefinition definition =
                parse("{\"name\": \"Late\", \"zone\": \"UTC\", \"hours\": {\"sat\": [[\"18:00\", \"24:00\"]]}}");

        assertThat(definition.hours().on(DayOfWeek.SATURDAY)).containsExactly(new TimeRange(18 * 60, 24 * 60));
        assertThat(definition.toDocument().hours().toString()).contains("24:00");
    }

    @Test
    void holidaySetCodesAreNormalised() {
        CalendarDefinition definition = parse(
                "{\"name\": \"NY\", \"zone\": \"America/New_York\", \"hours\": \"24x7\", \"holidaySets\": [\"us-ny\", \"DE-BY\", \"US-NY\"]}");

        assertThat(definition.holidaySets()).containsExactly("US-NY", "DE-BY");
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("{\"zone\": \"UTC\", \"hours\": \"24x7\"}", "name", "is required"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"Europe/Pari\", \"hours\": \"24x7\"}",
                        "zone",
                        "unknown zone \"Europe/Pari\""),
                Arguments.of("{\"name\": \"x\", \"hours\": \"24x7\"}", "zone", "is required"),
                Arguments.of("{\"name\": \"x\", \"zone\": \"UTC\"}", "hours", "is required"),
                Arguments.of("{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24/7\"}", "hours", "\"24x7\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"08:30\",\"12:00\"],[\"11:00\",\"18:00\"]]}}",
                        "hours.tue[1]",
                        "overlaps the previous interval"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"13:00\",\"18:00\"],[\"08:00\",\"12:00\"]]}}",
                        "hours.tue[1]",
                        "must be sorted"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"08:00\",\"25:00\"]]}}",
                        "hours.tue[0][1]",
                        "invalid time \"25:00\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"8:00\",\"12:00\"]]}}",
                        "hours.tue[0][0]",
                        "invalid time \"8:00\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"12:00\",\"12:00\"]]}}",
                        "hours.tue[0]",
                        "ends at or before its start"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"24:00\",\"24:00\"]]}}",
                        "hours.tue[0][0]",
                        "24:00 may only end an interval"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"08:00\"]]}}",
                        "hours.tue[0]",
                        "must be a pair"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tues\": []}}",
                        "hours.tues",
                        "unknown day \"tues\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidaySets\": [\"XX\"]}",
                        "holidaySets[0]",
                        "unknown code \"XX\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidaySets\": [\"US-ZZ\"]}",
                        "holidaySets[0]",
                        "unknown code \"US-ZZ\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidays\": [\"2026-02-30\"]}",
                        "holidays[0]",
                        "invalid date \"2026-02-30\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidays\": [\"2101-01-01\"]}",
                        "holidays[0]",
                        "outside 1970-01-01..2100-12-31"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"overrides\": {\"tomorrow\": []}}",
                        "overrides.tomorrow",
                        "invalid date \"tomorrow\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"overrides\": {\"2026-12-24\": [[\"12:00\",\"08:00\"]]}}",
                        "overrides.2026-12-24[0]",
                        "ends at or before its start"));
    }

    @ParameterizedTest
    @MethodSource("invalidDocuments")
    void anInvalidDocumentNamesTheField(String document, String field, String message) {
        assertThatThrownBy(() -> parse(document))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo(field);
                            assertThat(violation.message()).contains(message);
                        }));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        String document = """
                {"name": "", "zone": "Mars/Olympus",
                 "hours": {"mon": [["09:00","12:00"],["11:00","17:00"]], "fri": [["09:00","99:00"]]},
                 "holidaySets": ["FR", "XX"], "holidays": ["someday"]}""";

        assertThatThrownBy(() -> parse(document))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "zone",
                                        "hours.mon[1]",
                                        "hours.fri[0][1]",
                                        "holidaySets[1]",
                                        "holidays[0]"));
    }

    private CalendarDefinition parse(String document) {
        return CalendarDefinition.parse(json.readValue(document, CalendarDocument.class));
    }

    private JsonNode tree(String document) {
        return json.readTree(document);
    }
}
