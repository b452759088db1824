package io.pledge.tickets.imports;

import io.pledge.core.Violations;
import io.pledge.sla.TicketStatus;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to read an import: the layout, the client the tickets belong to (a generic file may name clients
 * per row), the zone of times without offset, what to do with invalid rows, the ServiceNow states to map
 * differently (such as {@code Awaiting Problem}), and the generic layout's column mapping.
 */
public record ImportSettings(
        ImportPreset preset,
        String client,
        ZoneId zone,
        ImportMode mode,
        Map<String, TicketStatus> states,
        Map<String, String> columns) {

    /** Reads import settings as the API and the command line give them; null when invalid. */
    public static ImportSettings parse(
            String preset,
            String client,
            String zone,
            String mode,
            Map<String, String> states,
            Map<String, String> columns,
            Violations violations) {
        ImportPreset parsedPreset = violations.parse(
                "preset",
                preset,
                "preset (servicenow or generic)",
                text -> ImportPreset.valueOf(text.toUpperCase(Locale.ROOT)));
        String clientRef = violations.text("client", client, 200);
        ZoneId parsedZone = violations.parse("zone", zone, "zone", ZoneId::of);
        ImportMode parsedMode = mode == null
                ? ImportMode.ALL_OR_NOTHING
                : violations.parse(
                        "mode",
                        mode,
                        "mode (all-or-nothing or skip-invalid)",
                        text -> ImportMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
        Map<String, TicketStatus> stateMap = new LinkedHashMap<>();
        states.forEach((state, status) -> {
            TicketStatus engine = violations.parse(
                    "states." + state, status, "status", text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
            if (engine != null) {
                stateMap.put(state, engine);
            }
        });
        if (parsedPreset == ImportPreset.GENERIC && columns.isEmpty()) {
            violations.add(
                    "columns",
                    "the generic preset needs a column mapping, e.g. {\"id\": \"Ticket\", \"priority\": \"Priority\", \"created\": \"Opened\"}");
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new ImportSettings(parsedPreset, clientRef, parsedZone, parsedMode, stateMap, Map.copyOf(columns));
    }

    /**
     * The source the imported tickets and events are known under, for idempotency: per preset and client,
     * since two clients' systems may number their tickets alike.
     */
    String source(String clientSlug) {
        return (preset == ImportPreset.SERVICENOW ? "servicenow/" : "import/") + clientSlug;
    }
}
