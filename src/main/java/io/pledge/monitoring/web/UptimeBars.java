package io.pledge.monitoring.web;

import io.pledge.monitoring.AvailabilityQueries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitor's daily uptime as a row of bars, one a day, as status pages draw it: each bar's state is what
 * the day held, in this order: no data (not watched), DOWN (downtime below the target), DEGRADED (downtime
 * within the target), MAINTENANCE (a window and no downtime), GAP (a monitoring gap and no downtime), else
 * UP. Positions are in the SVG's user units.
 */
record UptimeBars(List<Bar> bars, int width, int height) {

    static final int BAR = 6;
    static final int STEP = 8;
    static final int HEIGHT = 34;

    record Bar(
            LocalDate date,
            String state,
            BigDecimal availability,
            Duration downtime,
            Duration maintenance,
            Duration gaps,
            int x) {}

    static UptimeBars of(List<AvailabilityQueries.Day> days) {
        List<Bar> bars = new ArrayList<>(days.size());
        int x = 0;
        for (AvailabilityQueries.Day day : days) {
            bars.add(new Bar(
                    day.date(), state(day), day.availability(), day.downtime(), day.maintenance(), day.gaps(), x));
            x += STEP;
        }
        return new UptimeBars(bars, Math.max(STEP, x - (STEP - BAR)), HEIGHT);
    }

    static String state(AvailabilityQueries.Day day) {
        if (day.availability() == null) {
            return "NONE";
        }
        if (!day.downtime().isZero()) {
            return day.target() != null && day.availability().compareTo(day.target()) < 0 ? "DOWN" : "DEGRADED";
        }
        if (!day.maintenance().isZero()) {
            return "MAINTENANCE";
        }
        if (!day.gaps().isZero()) {
            return "GAP";
        }
        return "UP";
    }

    /** The bar's colour, readable against the page's white; the legend names each. */
    static String colour(String state) {
        return switch (state) {
            case "UP" -> "#1a7f37";
            case "DEGRADED" -> "#b35900";
            case "DOWN" -> "#c62828";
            case "MAINTENANCE" -> "#1f5fbf";
            case "GAP" -> "#6e5494";
            default -> "#c8ccd2";
        };
    }

    /** The states in the legend's order. */
    static final List<String> STATES = List.of("UP", "DEGRADED", "DOWN", "MAINTENANCE", "GAP", "NONE");
}
