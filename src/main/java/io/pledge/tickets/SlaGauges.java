package io.pledge.tickets;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.Tiers;
import io.pledge.core.GaugeSource;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.tickets.jdbc.ClockFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The tickets module's gauges: open clocks by state ({@value #CLOCKS}), tickets at risk ({@value #AT_RISK})
 * and how late the oldest due threshold is ({@value #FIRING_LAG}). Labelled by client slug, tier name,
 * priority and metric, never by ticket, so that their number stays that of the catalog. Refreshed by the
 * schedule of {@link GaugeSource}, three queries at a time.
 */
@Component
public class SlaGauges implements GaugeSource, MeterBinder {

    public static final String CLOCKS = "pledge.sla.clocks";
    public static final String AT_RISK = "pledge.sla.tickets.at.risk";
    public static final String FIRING_LAG = "pledge.sla.firing.lag";

    private final ClockFigures figures;
    private final Clients clients;
    private final Tiers tiers;
    private final Clock clock;
    private volatile MultiGauge clocks;
    private volatile MultiGauge atRisk;
    private volatile double lagSeconds;

    SlaGauges(ClockFigures figures, Clients clients, Tiers tiers, Clock clock) {
        this.figures = figures;
        this.clients = clients;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        clocks = MultiGauge.builder(CLOCKS)
                .description("Open SLA clocks by state (running, paused, breached)")
                .register(registry);
        atRisk = MultiGauge.builder(AT_RISK)
                .description("Open tickets past a warning threshold and not breached")
                .register(registry);
        Gauge.builder(FIRING_LAG, this, gauges -> gauges.lagSeconds)
                .description("How late the oldest due but unfired threshold is")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void refresh() {
        Instant now = Timestamps.now(clock);
        Map<UUID, String> slugs = clients.all().stream()
                .collect(Collectors.toMap(client -> client.id().value(), Client::slug));
        Map<UUID, String> tierNames =
                tiers.all().stream().collect(Collectors.toMap(tier -> tier.id().value(), Tier::name));
        Function<UUID, String> slug = id -> id == null ? "none" : slugs.getOrDefault(id, id.toString());
        Function<UUID, String> tierName = id -> id == null ? "none" : tierNames.getOrDefault(id, id.toString());
        List<ClockFigures.ClockCount> open = figures.openClocks(now);
        List<ClockFigures.RiskCount> risky = figures.atRisk(now);
        lagSeconds = figures.earliestNextDue()
                .filter(due -> due.isBefore(now))
                .map(due -> Duration.between(due, now).toMillis() / 1000.0)
                .orElse(0.0);
        if (clocks != null) {
            clocks.register(
                    open.stream()
                            .map(count -> MultiGauge.Row.of(
                                    Tags.of(
                                            "client", slug.apply(count.client()),
                                            "tier", tierName.apply(count.tier()),
                                            "priority", count.priority(),
                                            "metric", count.metric(),
                                            "state", count.state()),
                                    count.count()))
                            .toList(),
                    true);
        }
        if (atRisk != null) {
            atRisk.register(
                    risky.stream()
                            .map(count -> MultiGauge.Row.of(
                                    Tags.of("client", slug.apply(count.client()), "priority", count.priority()),
                                    count.count()))
                            .toList(),
                    true);
        }
    }
}
