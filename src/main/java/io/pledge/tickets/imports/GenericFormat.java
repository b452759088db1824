package io.pledge.tickets.imports;

import io.pledge.sla.Priority;
import io.pledge.tickets.TicketEventDocument;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a one-row-per-ticket CSV whose columns are named by a mapping of the fields {@code id},
 * {@code priority}, {@code created} (required) and {@code client}, {@code firstResponse},
 * {@code resolved}, {@code closed}, {@code status}, {@code service}, {@code subject} (optional) to the
 * file's column names. Times are ISO-8601 (with or without offset) or day-first, in the import's zone
 * when they carry no offset; priorities {@code P1}..{@code P4}, a leading digit ({@code 1 - Critical}) or
 * a word (critical, high, medium or moderate, low).
 */
final class GenericFormat {

    static final Set<String> FIELDS = Set.of(
            "id",
            "client",
            "priority",
            "created",
            "firstResponse",
            "resolved",
            "closed",
            "status",
            "service",
            "subject");

    private static final Map<String, String> WORDS = Map.of(
            "critical",
            "P1",
            "urgent",
            "P1",
            "high",
            "P2",
            "medium",
            "P3",
            "moderate",
            "P3",
            "normal",
            "P3",
            "low",
            "P4");

    private final ZoneId zone;
    private final Map<String, String> mapping;

    GenericFormat(ZoneId zone, Map<String, String> mapping) {
        this.zone = zone;
        this.mapping = mapping;
    }

    ImportFile read(Reader input, ProgressListener progress) throws IOException {
        List<ImportedTicket> tickets = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (String field : List.of("id", "priority", "created")) {
            if (!mapping.containsKey(field)) {
                errors.add(new RowError(0, field, "the column mapping must name the column of \"" + field + "\""));
            }
        }
        mapping.keySet().stream()
                .filter(field -> !FIELDS.contains(field))
                .forEach(field -> errors.add(new RowError(0, field, "unknown field; known: " + FIELDS)));
        if (!errors.isEmpty()) {
            return new ImportFile(tickets, errors, 0);
        }
        long rows = 0;
        try (CsvReader csv = new CsvReader(input)) {
            List<String> header = csv.next();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; header != null && i < header.size(); i++) {
                columns.put(header.get(i).strip().replace("\uFEFF", ""), i);
            }
            mapping.forEach((field, column) -> {
                if (!columns.containsKey(column)) {
                    errors.add(new RowError(1, column, "missing column (mapped from \"" + field + "\")"));
                }
            });
            if (!errors.isEmpty()) {
                return new ImportFile(tickets, errors, 0);
            }
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                rows++;
                ImportedTicket ticket = row(csv.line(), fields, columns, errors);
                if (ticket != null) {
                    tickets.add(ticket);
                }
                if (rows % 1000 == 0) {
                    progress.rowsRead(rows);
                }
            }
        }
        progress.rowsRead(rows);
        return new ImportFile(tickets, errors, rows);
    }

    private ImportedTicket row(int line, List<String> fields, Map<String, Integer> columns, List<RowError> errors) {
        int before = errors.size();
        String id = value("id", fields, columns);
        if (id == null) {
            errors.add(new RowError(line, mapping.get("id"), "no ticket id"));
        }
        Priority priority = null;
        String priorityText = value("priority", fields, columns);
        if (priorityText == null || (priority = priority(priorityText)) == null) {
            errors.add(new RowError(line, mapping.get("priority"), "unknown priority \"" + priorityText + "\""));
        }
        Instant created = time("created", line, fields, columns, errors, true);
        Instant firstResponse = time("firstResponse", line, fields, columns, errors, false);
        Instant resolved = time("resolved", line, fields, columns, errors, false);
        Instant closed = time("closed", line, fields, columns, errors, false);
        if (errors.size() > before) {
            return null;
        }
        String key = id + "/";
        List<ImportedTicket.Event> events = new ArrayList<>();
        if (firstResponse != null) {
            events.add(new ImportedTicket.Event(
                    key + "first-response",
                    new TicketEventDocument(
                            "REPLIED", firstResponse.toString(), null, null, "AGENT", true, null, null, null),
                    line));
        }
        if (resolved != null) {
            events.add(new ImportedTicket.Event(
                    key + "resolved",
                    new TicketEventDocument("RESOLVED", resolved.toString(), null, null, null, null, null, null, null),
                    line));
        }
        if (closed != null) {
            events.add(new ImportedTicket.Event(
                    key + "closed",
                    new TicketEventDocument("CLOSED", closed.toString(), null, null, null, null, null, null, null),
                    line));
        }
        String subject = value("subject", fields, columns);
        return new ImportedTicket(
                id,
                value("client", fields, columns),
                created,
                priority,
                value("service", fields, columns),
                subject == null ? "Ticket " + id : subject,
                line,
                events);
    }

    private Instant time(
            String field,
            int line,
            List<String> fields,
            Map<String, Integer> columns,
            List<RowError> errors,
            boolean required) {
        String text = value(field, fields, columns);
        if (text == null) {
            if (required) {
                errors.add(new RowError(line, mapping.get(field), "no " + field + " time"));
            }
            return null;
        }
        try {
            return ExportTimes.any(text, zone);
        } catch (RuntimeException e) {
            errors.add(new RowError(line, mapping.get(field), "\"" + text + "\" is not a time"));
            return null;
        }
    }

    private String value(String field, List<String> fields, Map<String, Integer> columns) {
        String column = mapping.get(field);
        Integer index = column == null ? null : columns.get(column);
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index).strip();
        return value.isEmpty() || value.equals("?") ? null : value;
    }

    static Priority priority(String text) {
        String value = text.strip();
        if (value.matches("(?i)P[1-4]")) {
            return Priority.of(value.toUpperCase(Locale.ROOT));
        }
        String word = WORDS.get(value.toLowerCase(Locale.ROOT));
        return word != null ? Priority.of(word) : ServiceNowFormat.priority(value);
    }
}
