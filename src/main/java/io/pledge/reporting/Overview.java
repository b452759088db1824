package io.pledge.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole MSP over a period: per client and per tier, the headline figures and their change against the
 * previous period, so that a manager sees at once who is at risk. Each client's figures are counted in its
 * own zone; a tier's figures add up its clients' clocks counted under it.
 */
public record Overview(
        String period,
        LocalDate firstDay,
        LocalDate lastDay,
        String previousPeriod,
        Instant generatedAt,
        List<TierLine> tiers,
        List<ClientLine> clients,
        List<String> rules) {

    /**
     * One client. Met percentages and their change in points; {@code atRisk} when a clock was open and
     * breached at the period's end or a monitor was below its target, the reasons in {@code risks}.
     */
    public record ClientLine(
            UUID client,
            String name,
            String slug,
            String zone,
            String tier,
            long firstResponseStopped,
            BigDecimal firstResponseMetPercent,
            BigDecimal firstResponseMetChange,
            long resolutionStopped,
            BigDecimal resolutionMetPercent,
            BigDecimal resolutionMetChange,
            long breaches,
            long breachesChange,
            long openBreached,
            int monitors,
            int monitorsBelowTarget,
            BigDecimal lowestAvailability,
            boolean atRisk,
            List<String> risks) {}

    /** One tier: the clocks counted under it, and how many of its clients are at risk. */
    public record TierLine(
            UUID tier,
            String name,
            int clients,
            long firstResponseStopped,
            BigDecimal firstResponseMetPercent,
            BigDecimal firstResponseMetChange,
            long resolutionStopped,
            BigDecimal resolutionMetPercent,
            BigDecimal resolutionMetChange,
            long breaches,
            long breachesChange,
            long openBreached,
            int clientsAtRisk) {}
}
