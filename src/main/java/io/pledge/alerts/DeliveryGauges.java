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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Long> counts = Map.of();
    private volatile double oldestPendingSeconds;

    DeliveryGauges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        Instant[] oldest = new Instant[1];
        jdbc.sql("""
                        select state, action, count(*) as deliveries, min(created_at) as oldest from delivery
                        where state in ('PENDING', 'DEAD') group by state, action""").query(row -> {
            String state = row.getString("state");
            read.put(key(state, row.getString("action")), row.getLong("deliveries"));
            Instant first = Timestamps.instant(row, "oldest");
            if (state.equals("PENDING") && (oldest[0] == null || first.isBefore(oldest[0]))) {
                oldest[0] = first;
            }
        });
        counts = Map.copyOf(read);
        oldestPendingSeconds = oldest[0] == null || !oldest[0].isBefore(now)
                ? 0
                : Duration.between(oldest[0], now).toMillis() / 1000.0;
    }

    private static String key(String state, String action) {
        return state + "/" + action;
    }
}
