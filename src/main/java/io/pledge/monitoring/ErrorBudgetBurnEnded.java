package io.pledge.monitoring;

import java.time.Instant;
import java.util.UUID;

/** A burn-rate alert of {@code severity} stopped holding at {@code at}; published once per alert. */
public record ErrorBudgetBurnEnded(
        UUID monitorId, UUID clientId, String monitorName, BurnSeverity severity, Instant at) {}
