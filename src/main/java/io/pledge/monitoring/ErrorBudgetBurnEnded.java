package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import java.time.Instant;
import java.util.UUID;

/** A burn-rate alert of {@code severity} stopped holding at {@code at}; published once per alert. */
public record ErrorBudgetBurnEnded(
        UUID monitorId, ClientId clientId, String monitorName, BurnSeverity severity, Instant at) {}
