package io.pledge.sla.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledge.sla.ClockEntry;
import io.pledge.sla.SlaClock;
import io.pledge.sla.ThresholdCrossing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public JSON form of an SLA clock; absent figures are written as null. Summaries leave the
 * explaining {@code timeline} out. A clock of a business-day target names it in {@code businessDays}
 * ("next business day by 17:00"); its {@code target} is then the business time from its start to its
 * deadline (ADR 0040).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClockView(
        String metric,
        String state,
        String priority,
        String target,
        String elapsed,
        String remaining,
        Instant dueAt,
        Instant breachedAt,
        Instant stoppedAt,
        Map<String, String> paused,
        List<ThresholdView> thresholds,
        Instant nextDueAt,
        int cycle,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EntryView> timeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) String businessDays) {

    /** Every figure of the clock and its explaining timeline. */
    public static ClockView of(SlaClock clock) {
        return of(clock, clock.timeline().stream().map(EntryView::of).toList());
    }

    /** Every figure of the clock, without the timeline. */
    public static ClockView summary(SlaClock clock) {
        return of(clock, null);
    }

    private static ClockView of(SlaClock clock, List<EntryView> timeline) {
        Map<String, String> paused = new LinkedHashMap<>();
        clock.paused().forEach((status, duration) -> paused.put(status.name(), duration.toString()));
        return new ClockView(
                clock.metric().name(),
                clock.state().name(),
                clock.priority().code(),
                clock.target().toString(),
                clock.elapsed().toString(),
                clock.remaining().toString(),
                clock.dueAt(),
                clock.breachedAt(),
                clock.stoppedAt(),
                paused,
                clock.thresholds().stream().map(ThresholdView::of).toList(),
                clock.nextDueAt(),
                clock.cycle(),
                timeline,
                clock.businessDays() == null ? null : clock.businessDays().describe());
    }

    /**
     * A threshold: a fraction of the target ({@code ratio}) or a lead before due ({@code beforeDue}, an ISO
     * duration of business time), the other one null; its instant (crossed, or projected while running).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ThresholdView(BigDecimal ratio, String beforeDue, Instant at, boolean crossed) {

        static ThresholdView of(ThresholdCrossing crossing) {
            Duration lead = crossing.threshold().beforeDue();
            return new ThresholdView(
                    crossing.ratio(), lead == null ? null : lead.toString(), crossing.at(), crossing.crossed());
        }
    }

    /** One line of a clock's explanation. */
    public record EntryView(String kind, Instant at, String elapsed, int cycle, String detail, boolean retroactive) {

        static EntryView of(ClockEntry entry) {
            Duration elapsed = entry.elapsed();
            return new EntryView(
                    entry.kind().name(),
                    entry.at(),
                    elapsed == null ? null : elapsed.toString(),
                    entry.cycle(),
                    entry.detail(),
                    entry.retroactive());
        }
    }
}
