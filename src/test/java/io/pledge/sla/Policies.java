package io.pledge.sla;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.core.Violations;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Policy and calendar fixtures for SLA tests, written in their public JSON formats. */
final class Policies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final BusinessCalendar ALWAYS =
            BusinessCalendars.of(CalendarDefinition.alwaysOpen("24x7", ZoneId.of("UTC")));

    static final BusinessCalendar PARIS_OFFICE =
            BusinessCalendars.of(CalendarDefinition.parse(JSON.readValue("""
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"]}""", CalendarDocument.class)));

    /** P1 4h, P2 8h, P3 16h resolution; P1 15min, P2 1h, P3 4h first response; P4 only resolution 40h. */
    static final String TARGETS = """
            "targets": [
              {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
              {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
              {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
              {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"},
              {"priority": "P3", "metric": "FIRST_RESPONSE", "target": "PT4H"},
              {"priority": "P3", "metric": "RESOLUTION", "target": "PT16H"},
              {"priority": "P4", "metric": "RESOLUTION", "target": "PT40H"}]""";

    private Policies() {}

    static SlaPolicy standard() {
        return policy("{" + TARGETS + "}");
    }

    static SlaPolicy with(String settings) {
        return policy("{" + TARGETS + ", " + settings + "}");
    }

    static SlaPolicy policy(String json) {
        Violations violations = new Violations();
        SlaPolicy policy =
                SlaPolicy.parse(JSON.readValue(json, SlaPolicyDocument.class), PriorityScheme.STANDARD, violations);
        violations.throwIfAny();
        return policy;
    }

    static List<SlaClock> evaluate(SlaPolicy policy, BusinessCalendar calendar, Story story, String at) {
        return new SlaEvaluator(policy, target -> calendar).evaluate(story.timeline(), Story.instant(at));
    }

    static SlaClock clock(List<SlaClock> clocks, Metric metric) {
        return clocks.stream()
                .filter(clock -> clock.metric() == metric)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " clock in " + clocks));
    }
}
