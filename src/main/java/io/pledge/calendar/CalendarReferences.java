package io.pledge.calendar;

import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A calendar given in a request either by reference, {@code {"id": "…"}}, or inline as a definition
 * (whose {@code name} may then be left out), compiled for computing.
 */
public final class CalendarReferences {

    private static final Set<String> FIELDS = Set.of("name", "zone", "hours", "holidaySets", "holidays", "overrides");

    private CalendarReferences() {}

    /**
     * The compiled calendar named by {@code value}, recording violations under {@code field}; null when
     * invalid.
     *
     * @throws UnprocessableException when it refers to a calendar that does not exist
     */
    public static BusinessCalendar resolve(Object value, String field, Calendars calendars, Violations violations) {
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(
                    field,
                    (value == null ? "is required" : "must be an object")
                            + ": a calendar definition or {\"id\": \"…\"}");
            return null;
        }
        if (map.containsKey("id")) {
            if (map.size() > 1) {
                violations.add(field, "either {\"id\": \"…\"} or a definition, not both");
                return null;
            }
            UUID id = violations.parse(field + ".id", map.get("id"), "calendar id", UUID::fromString);
            if (id == null) {
                return null;
            }
            StoredCalendar stored = calendars
                    .find(new CalendarId(id))
                    .orElseThrow(() -> new UnprocessableException(field + ".id", "unknown calendar " + id));
            return BusinessCalendars.of(stored.definition());
        }
        Violations nested = violations.under(field + ".");
        int before = violations.count();
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                nested.add(String.valueOf(key), "unknown field");
            }
        }
        Object name = map.containsKey("name") ? map.get("name") : "inline calendar";
        CalendarDocument document = new CalendarDocument(
                name instanceof String text ? text : null,
                map.get("zone") instanceof String zone ? zone : stringOrViolation(map.get("zone"), "zone", nested),
                map.get("hours"),
                listOrViolation(map.get("holidaySets"), "holidaySets", nested),
                listOrViolation(map.get("holidays"), "holidays", nested),
                objectOrViolation(map.get("overrides"), "overrides", nested));
        CalendarDefinition definition = CalendarDefinition.parse(document, nested);
        return violations.count() > before || definition == null ? null : BusinessCalendars.of(definition);
    }

    private static String stringOrViolation(Object value, String field, Violations violations) {
        if (value != null) {
            violations.add(field, "must be a string");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOrViolation(Object value, String field, Violations violations) {
        if (value == null || value instanceof List<?>) {
            return (List<Object>) value;
        }
        violations.add(field, "must be an array");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectOrViolation(Object value, String field, Violations violations) {
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        violations.add(field, "must be an object");
        return null;
    }
}
