package io.pledge.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pledge.core.GaugeSource;
import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The alerts module's gauges: deliveries pending and dead by action ({@value #DELIVERIES}, every pair
 * always present, zero when none) and the age of the oldest pending one ({@value #OLDEST_PENDING}). Refreshed
 * by the schedule of {@link GaugeSource}, one query at a time.
 */
@Component
public class DeliveryGauges implements GaugeSource, MeterBinder {

    public static final String DELIVERIES = "pledge.deliveries";
    public static final String OLDEST_PENDING = "pledge.deliveries.oldest.pending.age";

    private final Deliveries deliveries;
    private final Clock clock;
    private volatile Map<String, Long> counts = Map.of();
    private volatile double oldestPendingSeconds;

    DeliveryGauges(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Delivery.State state : new Delivery.State[] {Delivery.State.PENDING, Delivery.State.DEAD}) {
            for (EscalationRule.Action action : EscalationRule.Action.values()) {
                String key = key(state.name(), action.name());
                Gauge.builder(DELIVERIES, this, gauges -> gauges.counts.getOrDefault(key, 0L))
                        .description("Deliveries owed (pending, retried with backoff) or dead after their last attempt")
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .tag("action", action.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        Gauge.builder(OLDEST_PENDING, this, gauges -> gauges.oldestPendingSeconds)
                .description("Age of the oldest pending delivery (zero when none is pending)")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void refresh() {
        Instant now = Timestamps.now(clock);
        Map<String, Long> read = new HashMap<>();
        Instant oldest = null;
        for (Deliveries.Backlog backlog : deliveries.backlog()) {
            read.put(key(backlog.state().name(), backlog.action().name()), backlog.count());
            if (backlog.state() == Delivery.State.PENDING
                    && (oldest == null || backlog.oldest().isBefore(oldest))) {
                oldest = backlog.oldest();
            }
        }
        counts = Map.copyOf(read);
        oldestPendingSeconds = oldest == null || !oldest.isBefore(now)
                ? 0
                : Duration.between(oldest, now).toMillis() / 1000.0;
    }

    private static String key(String state, String action) {
        return state + "/" + action;
    }
}
