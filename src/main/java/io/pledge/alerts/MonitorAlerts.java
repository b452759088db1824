package io.pledge.alerts;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.ErrorBudgetBurnEnded;
import io.pledge.monitoring.ErrorBudgetBurning;
import io.pledge.monitoring.MonitorCameUp;
import io.pledge.monitoring.MonitorWentDown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;
    private final Clients clients;
    private final PublicLinks links;

    MonitorAlerts(
            EscalationRules rules,
            Deliveries deliveries,
            JsonMapper json,
            Clock clock,
            Clients clients,
            PublicLinks links) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.clients = clients;
        this.links = links;
    }

    /**
     * A monitor's change as every delivery describes it; {@code headline} writes its instants in the
     * client's zone.
     */
    record Change(
            EscalationRule.FiresOn on,
            UUID monitor,
            ClientId client,
            String name,
            String id,
            java.util.function.Function<ZoneId, String> headline,
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
                zone -> "DOWN since " + Notices.local(down.downSince(), zone)
                        + (down.reason() == null ? "" : ": " + Notices.line(down.reason(), 500)),
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
                zone -> "UP at " + Notices.local(up.upAt(), zone) + " after " + Notices.words(up.downtime()) + " down",
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
                zone -> burning.severity() + " error budget burn: " + round(burning.longWindowRate()) + "x over "
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
                zone -> ended.severity() + " error budget burn over at " + Notices.local(ended.at(), zone),
                facts));
    }

    private void owe(Change change) {
        List<EscalationRule> matching = rules.matching(change.on(), change.client());
        if (matching.isEmpty()) {
            return;
        }
        Optional<Client> client = clients.find(change.client());
        Notice notice = new Notice(
                change,
                client.map(Client::name).orElse(change.client().toString()),
                client.map(Client::slug).orElse(change.client().toString()),
                client.map(found -> found.details().zone()).orElse(ZoneOffset.UTC),
                links.monitor(change.monitor()));
        Instant now = Timestamps.now(clock);
        for (EscalationRule rule : matching) {
            String key = rule.id() + "/" + rule.version() + ":monitor:" + change.monitor() + ":" + change.id();
            deliveries.add(Delivery.owed(
                    rule, key, null, change.monitor(), json.writeValueAsString(payload(rule, notice, key)), now));
        }
    }

    /** A change with its monitor's client and link. */
    private record Notice(Change change, String clientName, String clientSlug, ZoneId zone, String link) {

        String line() {
            return "Monitor \"" + Notices.line(change.name(), 200) + "\" of " + Notices.line(clientName, 200) + " "
                    + change.headline().apply(zone);
        }

        Map<String, String> facts() {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("Monitor", Notices.line(change.name(), 200));
            facts.put("Client", clientName + " (" + clientSlug + ")");
            facts.put("What", change.headline().apply(zone));
            return facts;
        }
    }

    private static Map<String, Object> payload(EscalationRule rule, Notice notice, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        Change change = notice.change();
        String closing = "By escalation rule \"" + rule.name() + "\" (version " + rule.version() + ").";
        switch (rule.action()) {
            case CHAT -> body.put("text", notice.line() + ". " + notice.link());
            case MAIL -> {
                body.put("subject", "[Pledge] " + notice.line());
                body.put("text", Notices.textMail(notice.line(), notice.facts(), notice.link(), closing));
                body.put("html", Notices.htmlMail(notice.line(), notice.facts(), notice.link(), closing));
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
                Map<String, Object> client = new LinkedHashMap<>();
                client.put("id", change.client().toString());
                client.put("name", notice.clientName());
                client.put("slug", notice.clientSlug());
                client.put("zone", notice.zone().getId());
                body.put("client", client);
                body.put("url", notice.link());
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
