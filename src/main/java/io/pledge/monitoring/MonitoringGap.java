package io.pledge.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A time when a node could not tell its clients' systems from its own network.
 *
 * @param checks the checks of the rounds it covers
 * @param failures how many of them failed
 */
public record MonitoringGap(
        UUID id, String node, Instant start, Instant end, String reason, int checks, int failures) {}
