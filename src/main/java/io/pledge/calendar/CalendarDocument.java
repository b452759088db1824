package io.pledge.calendar;

import java.util.List;
import java.util.Map;

/**
 * The public, stable JSON form of a calendar definition, loosely typed as a JSON binder leaves it so
 * that {@link CalendarDefinition#parse} can name every invalid value:
 *
 * <pre>{@code
 * {"name": "Paris office", "zone": "Europe/Paris",
 *  "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "fri": [["08:30","17:00"]]},
 *  "holidaySets": ["FR"], "holidays": ["2026-12-26"],
 *  "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}
 * }</pre>
 *
 * {@code hours} is either an object of day keys {@code mon}..{@code sun} or the text {@code 24x7}.
 * Empty collections are rendered as absent.
 */
public record CalendarDocument(
        String name,
        String zone,
        Object hours,
        List<Object> holidaySets,
        List<Object> holidays,
        Map<String, Object> overrides) {}
