package io.pledge.calendar;

import java.time.ZoneId;
import tools.jackson.databind.json.JsonMapper;

/** Calendar fixtures for tests, written in the public definition format. */
final class TestCalendars {

    static final String PARIS_OFFICE = """
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"],
             "holidays": ["2026-12-26"],
             "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestCalendars() {}

    static CalendarDefinition definition(String json) {
        return CalendarDefinition.parse(JSON.readValue(json, CalendarDocument.class));
    }

    static BusinessCalendar compiled(String json) {
        return BusinessCalendars.of(definition(json));
    }

    static BusinessCalendar paris() {
        return compiled(PARIS_OFFICE);
    }

    static BusinessCalendar always(String zone) {
        return BusinessCalendars.of(CalendarDefinition.alwaysOpen("Always", ZoneId.of(zone)));
    }
}
