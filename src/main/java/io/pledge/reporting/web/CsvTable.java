package io.pledge.reporting.web;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table of a report as CSV (RFC 4180): a header of the row type's component names, then one line per
 * row. Durations are ISO-8601 ({@code PT1H30M}); a list in a cell is its items joined by {@code "; "}, a
 * nested row its components as {@code name=value} joined by {@code ", "}.
 */
final class CsvTable {

    private CsvTable() {}

    static String of(Class<? extends Record> type, List<? extends Record> rows) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder();
        csv.append(java.util.Arrays.stream(columns)
                        .map(RecordComponent::getName)
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        for (Record row : rows) {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(quote(text(value(columns[i], row))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException("cannot read " + column.getName(), unreadable);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(CsvTable::text).collect(Collectors.joining("; "));
        }
        if (value instanceof Record nested) {
            return java.util.Arrays.stream(nested.getClass().getRecordComponents())
                    .map(c -> c.getName() + "=" + text(value(c, nested)))
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading formula character is defused. */
    private static String quote(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String text) {
        return text.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
