package io.pledge.monitoring.web;

import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitor's availability month by month against its target, the months in its client's zone, the
 * current one so far: each month as {@code GET /api/v1/monitors/{id}/availability?period=month} counts it,
 * from one read of the monitor's records ({@link AvailabilityQueries#availabilities}). Months before the
 * monitor existed are left out.
 */
record MonthlyAvailability(YearMonth month, BigDecimal availability, BigDecimal target, boolean current) {

    /** Below target, or not watched at all in the month. */
    public boolean missed() {
        return availability == null || availability.compareTo(target) < 0;
    }

    static List<MonthlyAvailability> of(
            AvailabilityQueries queries, Monitor monitor, ZoneId zone, Instant now, int months) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth first = current.minusMonths(months - 1L);
        YearMonth created = YearMonth.from(monitor.createdAt().atZone(zone));
        if (first.isBefore(created)) {
            first = created.isAfter(current) ? current : created;
        }
        List<YearMonth> shown = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            shown.add(month);
            bounds.add(month.atDay(1).atStartOfDay(zone).toInstant());
        }
        bounds.add(current.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<BigDecimal> availabilities = queries.availabilities(monitor, bounds);
        List<MonthlyAvailability> lines = new ArrayList<>(shown.size());
        for (int i = shown.size() - 1; i >= 0; i--) {
            lines.add(new MonthlyAvailability(
                    shown.get(i),
                    availabilities.get(i),
                    monitor.target(),
                    shown.get(i).equals(current)));
        }
        return lines;
    }
}
