package io.pledge.alerts;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.ErrorBudgetBurnEnded;
import io.pledge.monitoring.ErrorBudgetBurning;
import io.pledge.monitoring.MonitorCameUp;
import io.pledge.monitoring.MonitorWentDown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a monitor's changes into deliveries, one per rule firing on that change for the monitor's
 * client, in the transaction that records the change (so once per change, as for clock thresholds). A
 * monitor going down or coming up inside a maintenance window notifies nobody: the window was planned.
 */
@Component
class MonitorAlerts {

    private final EscalationRules rules;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    MonitorAlerts(EscalationRules rules, Outbox outbox, JsonMapper json, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** A monitor's change as every delivery describes it. */
    record Change(
            EscalationRule.FiresOn on,
            UUID monitor,
            UUID client,
            String name,
            String id,
            String headline,
            Map<String, Object> facts) {}

    @EventListener
    void on(MonitorWentDown down) {
        if (down.inMaintenance()) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("downSince", down.downSince().toString());
        facts.put("detectedAt", down.detectedAt().toString());
        facts.put("reason", down.reason());
        owe(new Change(
                EscalationRule.FiresOn.MONITOR_DOWN,
                down.monitorId(),
                down.clientId(),
                down.monitorName(),
                "down:" + down.downSince(),
                "DOWN since " + down.downSince() + (down.reason() == null ? "" : ": " + down.reason()),
                facts));
    }

    @EventListener
    void on(MonitorCameUp up) {
        if (up.inMaintenance()) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("downSince", up.downSince().toString());
        facts.put("upAt", up.upAt().toString());
        facts.put("downtime", up.downtime().toString());
        owe(new Change(
                EscalationRule.FiresOn.MONITOR_UP,
                up.monitorId(),
                up.clientId(),
                up.monitorName(),
                "up:" + up.downSince(),
                "UP at " + up.upAt() + " after " + words(up.downtime()) + " down",
                facts));
    }

    @EventListener
    void on(ErrorBudgetBurning burning) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("severity", burning.severity().name());
        facts.put("longWindowRate", burning.longWindowRate());
        facts.put("shortWindowRate", burning.shortWindowRate());
        facts.put("target", burning.target().toPlainString());
        facts.put("at", burning.at().toString());
        owe(new Change(
                EscalationRule.FiresOn.BUDGET_BURNING,
                burning.monitorId(),
                burning.clientId(),
                burning.monitorName(),
                "burning:" + burning.severity() + ":" + burning.at(),
                burning.severity() + " error budget burn: " + round(burning.longWindowRate()) + "x over "
                        + words(burning.severity().longWindow()) + ", " + round(burning.shortWindowRate())
                        + "x over " + words(burning.severity().shortWindow()) + " (target "
                        + burning.target().toPlainString() + " %)",
                facts));
    }

    @EventListener
    void on(ErrorBudgetBurnEnded ended) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("severity", ended.severity().name());
        facts.put("at", ended.at().toString());
        owe(new Change(
                EscalationRule.FiresOn.BUDGET_RECOVERED,
                ended.monitorId(),
                ended.clientId(),
                ended.monitorName(),
                "recovered:" + ended.severity() + ":" + ended.at(),
                ended.severity() + " error budget burn over at " + ended.at(),
                facts));
    }

    private void owe(Change change) {
        Instant now = Timestamps.now(clock);
        for (EscalationRule rule : rules.matching(change.on(), change.client())) {
            String key = rule.id() + "/" + rule.version() + ":monitor:" + change.monitor() + ":" + change.id();
            outbox.owe(rule, key, null, change.monitor(), json.writeValueAsString(payload(rule, change, key)), now);
        }
    }

    private static Map<String, Object> payload(EscalationRule rule, Change change, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        String line = "Monitor \"" + change.name() + "\" " + change.headline();
        switch (rule.action()) {
            case CHAT -> body.put("text", line);
            case MAIL -> {
                body.put("subject", "[Pledge] " + line);
                body.put(
                        "text",
                        line + ".\n\nBy escalation rule \"" + rule.name() + "\" (version " + rule.version()
                                + ").\nMonitor: /api/v1/monitors/" + change.monitor() + "\n");
                body.put("clientId", change.client().toString());
            }
            case WEBHOOK -> {
                body.put(
                        "event",
                        change.on().name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
                body.put("idempotencyKey", key);
                body.put("monitorId", change.monitor().toString());
                body.put("clientId", change.client().toString());
                body.put("monitor", change.name());
                body.putAll(change.facts());
                body.put("rule", Map.of("id", rule.id().toString(), "version", rule.version(), "name", rule.name()));
            }
            case REASSIGN, RAISE_PRIORITY ->
                throw new IllegalStateException("a monitor rule cannot " + rule.action() + ": " + rule.id());
        }
        return body;
    }

    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String round(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f", rate);
    }
}
