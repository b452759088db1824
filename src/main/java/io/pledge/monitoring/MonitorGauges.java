package io.pledge.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.GaugeSource;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The monitoring module's gauge: monitors by client slug, kind and status ({@value #MONITORS}), never by
 * monitor. Refreshed by the schedule of {@link GaugeSource}, one query at a time.
 */
@Component
public class MonitorGauges implements GaugeSource, MeterBinder {

    public static final String MONITORS = "pledge.monitors";

    private final Monitors stored;
    private final Clients clients;
    private volatile MultiGauge monitors;

    MonitorGauges(Monitors monitors, Clients clients) {
        this.stored = monitors;
        this.clients = clients;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        monitors = MultiGauge.builder(MONITORS)
                .description("Monitors not retired, by status (pending, up, down, paused)")
                .register(registry);
    }

    @Override
    public void refresh() {
        Map<ClientId, String> slugs = clients.all().stream().collect(Collectors.toMap(Client::id, Client::slug));
        var rows = stored.countByStatus().stream()
                .map(count -> MultiGauge.Row.of(
                        Tags.of(
                                "client",
                                        slugs.getOrDefault(
                                                count.client(), count.client().toString()),
                                "kind", count.kind().toLowerCase(Locale.ROOT),
                                "status", count.status().toLowerCase(Locale.ROOT)),
                        count.count()))
                .toList();
        if (monitors != null) {
            monitors.register(rows, true);
        }
    }
}
