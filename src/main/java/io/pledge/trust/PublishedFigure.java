package io.pledge.trust;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;

/** A compliance figure published on a trust page: one metric of one priority (met % and median time). */
public record PublishedFigure(Metric metric, Priority priority) {}
