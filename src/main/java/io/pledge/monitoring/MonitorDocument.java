package io.pledge.monitoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A monitor as the API takes it, as a JSON binder leaves it, so that {@link MonitorDefinition#parse} can
 * name every invalid value. Which settings apply depends on {@code kind}; {@code client} (id or slug) is
 * required to add a monitor and, when given on a change, must name its client; {@code newSecret} asks a
 * change to issue a new heartbeat token or inbound secret.
 */
public record MonitorDocument(
        String client,
        String name,
        String kind,
        String contractId,
        String service,
        String url,
        String method,
        String expectedStatus,
        String keyword,
        Boolean keywordAbsent,
        String maxLatency,
        Boolean followRedirects,
        Boolean verifyTls,
        String host,
        Integer port,
        Integer warnDays,
        String grace,
        Map<String, String> labels,
        String interval,
        String timeout,
        Integer downAfter,
        Integer upAfter,
        BigDecimal target,
        String calendarId,
        Boolean active,
        Boolean newSecret) {}
