package io.pledge.monitoring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.uptime.AvailabilityReport;
import io.pledge.monitoring.uptime.Span;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A monitor's availability over a period. Durations are ISO-8601 and in seconds (decimals to the
 * microsecond); {@code until} is where the counted part of the period ends (now, for a running period).
 * {@code retroactiveMaintenance} names the windows of the period created after they started (with their
 * reason): they erased downtime recorded before. {@code coverage} is the part of the period so far in which the monitor was watched: availability,
 * maintenance, gaps and downtime count inside it only; without coverage, {@code availability} is null and
 * the target is not met. The error budget is the whole period's; {@code used} is the downtime counted so
 * far.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AvailabilityView(
        UUID monitorId,
        Instant from,
        Instant to,
        Instant until,
        String zone,
        BigDecimal target,
        BigDecimal availability,
        boolean meetsTarget,
        Coverage coverage,
        Amount period,
        Amount maintenance,
        Amount gaps,
        Amount counted,
        Amount downtime,
        Budget errorBudget,
        Map<String, Double> burnRates,
        Map<String, Boolean> burnAlerts,
        List<DowntimeView> downtimes,
        List<SpanView> maintenanceWindows,
        List<RetroactiveView> retroactiveMaintenance,
        List<SpanView> monitoringGaps) {

    record Amount(String duration, BigDecimal seconds) {
        static Amount of(Duration duration) {
            BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                    .add(BigDecimal.valueOf(duration.getNano(), 9))
                    .stripTrailingZeros();
            // 60, not 6E+1: whole seconds keep scale 0.
            return new Amount(duration.toString(), seconds.scale() < 0 ? seconds.setScale(0) : seconds);
        }
    }

    /**
     * The watched part of the period so far: from, until (null without coverage), its duration, and its
     * share of the period (0 to 1).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Coverage(Instant from, Instant until, String duration, BigDecimal seconds, BigDecimal fraction) {
        static Coverage of(AvailabilityReport report) {
            List<Span> spans = report.coverageSpans();
            Amount amount = Amount.of(report.covered());
            return new Coverage(
                    spans.isEmpty() ? null : spans.get(0).start(),
                    spans.isEmpty() ? null : spans.get(spans.size() - 1).end(),
                    amount.duration(),
                    amount.seconds(),
                    report.coverage());
        }
    }

    record Budget(Amount allowed, Amount used, Amount remaining) {}

    record DowntimeView(Instant start, Instant end, String source, String reason) {}

    /** A maintenance window created after it started, which erased downtime recorded before, and why. */
    record RetroactiveView(UUID id, String name, String reason, Instant createdAt, List<SpanView> spans) {}

    record SpanView(Instant start, Instant end) {
        static SpanView of(Span span) {
            return new SpanView(span.start(), span.end());
        }
    }

    static AvailabilityView of(Monitor monitor, AvailabilityQueries.Answer answer, ZoneId zone) {
        AvailabilityReport soFar = answer.soFar();
        AvailabilityReport whole = answer.whole();
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("5m", round(answer.rates().last5m()));
        rates.put("30m", round(answer.rates().last30m()));
        rates.put("1h", round(answer.rates().last1h()));
        rates.put("6h", round(answer.rates().last6h()));
        return new AvailabilityView(
                monitor.id(),
                whole.period().start(),
                whole.period().end(),
                soFar.period().end(),
                zone.getId(),
                monitor.target(),
                soFar.availability(),
                soFar.meetsTarget(),
                Coverage.of(soFar),
                Amount.of(soFar.measured()),
                Amount.of(soFar.maintenance()),
                Amount.of(soFar.gaps()),
                Amount.of(soFar.counted()),
                Amount.of(soFar.downtime()),
                new Budget(Amount.of(whole.allowed()), Amount.of(answer.used()), Amount.of(answer.remaining())),
                rates,
                Map.of("fast", answer.fastBurn(), "slow", answer.slowBurn()),
                answer.downtime().stream()
                        .map(d -> new DowntimeView(d.start(), d.end(), d.source(), d.reason()))
                        .toList(),
                whole.maintenanceSpans().stream().map(SpanView::of).toList(),
                answer.retroactive().stream()
                        .map(r -> new RetroactiveView(
                                r.id(),
                                r.name(),
                                r.reason(),
                                r.createdAt(),
                                r.spans().stream().map(SpanView::of).toList()))
                        .toList(),
                whole.gapSpans().stream().map(SpanView::of).toList());
    }

    private static double round(double rate) {
        return Math.round(rate * 1000) / 1000.0;
    }
}
