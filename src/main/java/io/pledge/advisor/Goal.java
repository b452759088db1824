package io.pledge.advisor;

import io.pledge.clients.TierId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * An internal goal for one tier, priority and metric: business time the MSP aims for, stricter than the
 * target it promises its clients. Only the advisor reads it; clocks and reports count against the promise.
 */
public record Goal(TierId tier, Priority priority, Metric metric, Duration goal, Instant updatedAt, String updatedBy) {}
