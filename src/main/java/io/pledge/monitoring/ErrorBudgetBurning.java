package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A burn-rate alert started: over both windows of {@code severity} the monitor spends its error budget
 * faster than the severity's factor allows. Published once, when the alert starts; {@link
 * ErrorBudgetBurnEnded} follows when it stops.
 *
 * @param longWindowRate the burn rate over the severity's long window (1 h or 6 h) ending at {@code at}
 * @param shortWindowRate the burn rate over its short window (5 min or 30 min) ending at {@code at}
 * @param target the monitor's availability target in percent
 */
public record ErrorBudgetBurning(
        UUID monitorId,
        ClientId clientId,
        String monitorName,
        BurnSeverity severity,
        double longWindowRate,
        double shortWindowRate,
        BigDecimal target,
        Instant at) {}
