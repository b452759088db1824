package io.pledge.trust;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a published trust page shows, computed once per refresh and read by every request: only the
 * page's published systems (by their public names), its published figures, its incidents and the planned
 * maintenance of its systems. It holds no client name but the page's own, no monitor name, no ticket.
 *
 * @param at when the figures were computed
 * @param status the page's overall status: OPERATIONAL, MAINTENANCE, DEGRADED, PARTIAL_OUTAGE or MAJOR_OUTAGE
 * @param slaMetThisMonth whether every published figure and system met its target so far this month (in the
 *     page's zone); null when nothing was counted yet
 */
public record PageFigures(
        TrustPage page,
        Instant at,
        String zone,
        String status,
        List<SystemFigures> systems,
        List<ClockFigures> clocks,
        Boolean slaMetThisMonth,
        List<Incident> current,
        List<Incident> history,
        List<PlannedMaintenance> maintenance) {

    /**
     * A published system.
     *
     * @param status UP, DOWN, MAINTENANCE, PENDING (not checked yet) or PAUSED
     * @param decimals the decimals its availability shows: those of its target, the contract's figure
     * @param availability30 percent over the last 30 days (null: not watched then); likewise 90 and 365
     * @param days the last 90 days, today last, in the page's zone
     * @param downAfter consecutive failed checks before it counts as down (0 for an external tool's reports)
     * @param businessHours whether its availability counts business hours only (else around the clock)
     */
    public record SystemFigures(
            String slug,
            String name,
            String status,
            BigDecimal target,
            int decimals,
            BigDecimal availability30,
            BigDecimal availability90,
            BigDecimal availability365,
            List<Day> days,
            int downAfter,
            int upAfter,
            boolean businessHours) {}

    /**
     * One day's bar.
     *
     * @param state UP, DEGRADED (downtime within the target), DOWN (below it), MAINTENANCE, NONE (not watched)
     */
    public record Day(LocalDate date, String state, BigDecimal availability, Duration downtime) {}

    /** A published figure over the last 30 and 90 days. */
    public record ClockFigures(String metric, String priority, Window last30, Window last90) {}

    /**
     * The clocks of one metric and priority that stopped in a window, counted as the compliance report counts
     * them.
     *
     * @param metPercent met ÷ stopped, percent to 2 decimals; null when none stopped
     * @param median nearest-rank median business time; null when none stopped
     */
    public record Window(long stopped, long met, BigDecimal metPercent, Duration median) {}

    /** Planned maintenance of published systems, current or ahead. */
    public record PlannedMaintenance(Instant start, Instant end, List<String> systems) {}

    /** A published system by its monitor's id; null when the monitor is not published on the page. */
    public SystemFigures system(java.util.UUID monitor) {
        return page.systems().stream()
                .filter(s -> s.monitor().equals(monitor))
                .findFirst()
                .flatMap(s ->
                        systems.stream().filter(f -> f.slug().equals(s.slug())).findFirst())
                .orElse(null);
    }
}
