package io.pledge.tickets.imports;

import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.TicketEventDocument;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a ServiceNow incident audit export: one row per update of an incident, rows of one incident
 * together, day-first timestamps without zone, {@code ?} for missing values. State changes become status
 * events ({@code Awaiting User Info} waits on the customer, {@code Awaiting Vendor} on a vendor; the
 * other awaiting states as the import maps them), {@code Resolved} resolves, a state after
 * {@code Resolved} or {@code Closed} reopens, {@code Closed} closes; priorities {@code 1 - Critical} to
 * {@code 4 - Low} are P1 to P4. Rows are grouped by incident number and taken in {@code sys_mod_count}
 * order. A row with an unknown
 * value is refused with its line; the rest of the incident is kept.
 */
final class ServiceNowFormat {

    static final Map<String, TicketStatus> DEFAULT_STATES = Map.of(
            "new", TicketStatus.NEW,
            "active", TicketStatus.IN_PROGRESS,
            "awaiting user info", TicketStatus.WAITING_ON_CUSTOMER,
            "awaiting vendor", TicketStatus.WAITING_ON_VENDOR,
            "awaiting problem", TicketStatus.IN_PROGRESS,
            "awaiting evidence", TicketStatus.WAITING_ON_CUSTOMER,
            "resolved", TicketStatus.RESOLVED,
            "closed", TicketStatus.CLOSED);

    private static final String[] REQUIRED = {
        "number", "incident_state", "sys_mod_count", "opened_at", "sys_updated_at", "priority"
    };

    /** P1..P4, by the level of {@code 1 - Critical}..{@code 4 - Low}. */
    private static final Priority[] PRIORITIES = {
        Priority.of("P1"), Priority.of("P2"), Priority.of("P3"), Priority.of("P4")
    };

    private final ZoneId zone;
    private final Map<String, TicketStatus> states;

    /** @param overrides state name to engine status, replacing the defaults (e.g. Awaiting Problem) */
    ServiceNowFormat(ZoneId zone, Map<String, TicketStatus> overrides) {
        this.zone = zone;
        this.states = new HashMap<>(DEFAULT_STATES);
        overrides.forEach((state, status) -> states.put(state.strip().toLowerCase(Locale.ROOT), status));
    }

    ImportFile read(Reader input, ProgressListener progress) throws IOException {
        List<ImportedTicket> tickets = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        long rows = 0;
        try (CsvReader csv = new CsvReader(input)) {
            List<String> header = csv.next();
            if (header == null) {
                errors.add(new RowError(1, null, "the file is empty"));
                return new ImportFile(tickets, errors, 0);
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip().replace("\uFEFF", ""), i);
            }
            for (String column : REQUIRED) {
                if (!columns.containsKey(column)) {
                    errors.add(new RowError(1, column, "missing column"));
                }
            }
            if (!errors.isEmpty()) {
                return new ImportFile(tickets, errors, 0);
            }
            // The first column too, so that a line of text without commas is seen, not taken as blank.
            List<Integer> read = new ArrayList<>(List.of(0));
            for (String column : REQUIRED) {
                read.add(columns.get(column));
            }
            csv.keepOnly(read);
            int[] positions = new int[REQUIRED.length];
            for (int i = 0; i < REQUIRED.length; i++) {
                positions[i] = columns.get(REQUIRED[i]);
            }
            // Rows of an incident usually come together, but are grouped by number wherever they are.
            Map<String, List<Row>> incidents = new java.util.LinkedHashMap<>();
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                rows++;
                Row row = new Row(csv.line(), fields, positions);
                incidents
                        .computeIfAbsent(row.get("number").strip(), number -> new ArrayList<>())
                        .add(row);
                if (rows % 1000 == 0) {
                    progress.rowsRead(rows);
                }
            }
            incidents.values().forEach(incident -> incident(incident, tickets, errors));
        }
        progress.rowsRead(rows);
        return new ImportFile(tickets, errors, rows);
    }

    private void incident(List<Row> rows, List<ImportedTicket> tickets, List<RowError> errors) {
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(Row::modCount));
        Row first = ordered.get(0);
        String number = first.get("number");
        if (number.isBlank() || number.equals("?")) {
            rows.forEach(row -> errors.add(new RowError(row.line, "number", "no incident number")));
            return;
        }
        Instant opened;
        Priority priority;
        try {
            opened = ExportTimes.dayFirst(first.get("opened_at"), zone);
        } catch (RuntimeException e) {
            rows.forEach(row -> errors.add(new RowError(
                    row.line, "opened_at", "\"" + first.get("opened_at") + "\" is not a D/M/YYYY HH:MM time")));
            return;
        }
        priority = priority(first.get("priority"));
        if (priority == null) {
            rows.forEach(row -> errors.add(
                    new RowError(row.line, "priority", "unknown priority \"" + first.get("priority") + "\"")));
            return;
        }
        List<ImportedTicket.Event> events = new ArrayList<>();
        TicketStatus state = TicketStatus.NEW;
        Priority current = priority;
        int taken = 0;
        for (Row row : ordered) {
            Instant at;
            try {
                at = ExportTimes.dayFirst(row.get("sys_updated_at"), zone);
            } catch (RuntimeException e) {
                errors.add(new RowError(
                        row.line,
                        "sys_updated_at",
                        "\"" + row.get("sys_updated_at") + "\" is not a D/M/YYYY HH:MM time"));
                continue;
            }
            if (at.isBefore(opened)) {
                at = opened; // an update stamped before the opening: the export's clocks disagree by minutes
            }
            TicketStatus next = states.get(row.get("incident_state").strip().toLowerCase(Locale.ROOT));
            if (next == null) {
                errors.add(new RowError(
                        row.line, "incident_state", "unknown state \"" + row.get("incident_state") + "\""));
                continue;
            }
            Priority rowPriority = priority(row.get("priority"));
            if (rowPriority == null) {
                errors.add(new RowError(row.line, "priority", "unknown priority \"" + row.get("priority") + "\""));
                continue;
            }
            taken++;
            if (rowPriority.equals(current) && next == state) {
                continue; // an update of other fields: no event
            }
            String key = number + "/" + row.get("sys_mod_count");
            String when = ExportTimes.iso(at);
            if (!rowPriority.equals(current)) {
                events.add(event(key + "/priority", "PRIORITY_CHANGED", when, rowPriority.code(), null, row.line));
                current = rowPriority;
            }
            if (next != state) {
                if (next == TicketStatus.RESOLVED || next == TicketStatus.CLOSED) {
                    events.add(event(key + "/state", next.name(), when, null, null, row.line));
                } else if (state == TicketStatus.RESOLVED || state == TicketStatus.CLOSED) {
                    events.add(event(key + "/reopen", "REOPENED", when, null, null, row.line));
                    if (next != TicketStatus.OPEN) {
                        events.add(event(key + "/state", "STATUS_CHANGED", when, null, next.name(), row.line));
                    }
                } else {
                    events.add(event(key + "/state", "STATUS_CHANGED", when, null, next.name(), row.line));
                }
                state = next;
            }
        }
        if (taken > 0) {
            // An incident whose every row was refused is not imported at all.
            tickets.add(
                    new ImportedTicket(number, null, opened, priority, null, "Incident " + number, first.line, events));
        }
    }

    private static ImportedTicket.Event event(
            String eventId, String type, String at, String priority, String status, int line) {
        return new ImportedTicket.Event(
                eventId, new TicketEventDocument(type, at, priority, status, null, null, null, null, null), line);
    }

    /** {@code 1 - Critical} .. {@code 4 - Low} (and {@code 5 - Planning} as P4); null when unknown. */
    static Priority priority(String text) {
        String value = text.strip();
        if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
            return null;
        }
        int level = value.charAt(0) - '0';
        if (level < 1 || level > 5 || (value.length() > 1 && Character.isDigit(value.charAt(1)))) {
            return null;
        }
        return PRIORITIES[Math.min(level, 4) - 1];
    }

    /** A row as the preset reads it: its line and the values of the required columns only. */
    private static final class Row {

        final int line;
        private final String[] values;
        private final long modCount;

        /** @param positions where each required column is in the file's rows */
        Row(int line, List<String> fields, int[] positions) {
            this.line = line;
            this.values = new String[REQUIRED.length];
            for (int i = 0; i < REQUIRED.length; i++) {
                int index = positions[i];
                values[i] = index < fields.size() ? fields.get(index) : "";
            }
            long parsed;
            try {
                parsed = Long.parseLong(get("sys_mod_count").strip());
            } catch (NumberFormatException e) {
                parsed = Long.MAX_VALUE;
            }
            this.modCount = parsed;
        }

        String get(String column) {
            for (int i = 0; i < REQUIRED.length; i++) {
                if (REQUIRED[i].equals(column)) {
                    return values[i];
                }
            }
            throw new IllegalArgumentException("not a required column: " + column);
        }

        long modCount() {
            return modCount;
        }
    }
}
