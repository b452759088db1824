package io.pledge.alerts;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import io.pledge.tickets.ClockBreached;
import io.pledge.tickets.ClockWarned;
import io.pledge.tickets.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a fired threshold into deliveries, one per matching rule, in the transaction that fires it: a
 * threshold fired is a delivery owed, and a rolled-back firing owes none. Each delivery's idempotency key
 * names the rule version, ticket, metric, clock cycle and threshold, so that a receiver can drop a
 * repeat.
 */
@Component
class Escalations {

    private final EscalationRules rules;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    Escalations(EscalationRules rules, Outbox outbox, JsonMapper json, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(ClockWarned warned) {
        owe(new Crossing(
                "clock.warned",
                warned.ticket(),
                warned.clientId(),
                warned.tierId(),
                warned.priority(),
                warned.metric(),
                warned.cycle(),
                warned.threshold(),
                warned.crossedAt(),
                warned.firedAt()));
    }

    @EventListener
    void on(ClockBreached breached) {
        owe(new Crossing(
                "clock.breached",
                breached.ticket(),
                breached.clientId(),
                breached.tierId(),
                breached.priority(),
                breached.metric(),
                breached.cycle(),
                Threshold.BREACH,
                breached.breachedAt(),
                breached.firedAt()));
    }

    /** A threshold a clock crossed, as every delivery describes it. */
    record Crossing(
            String event,
            TicketId ticket,
            UUID client,
            UUID tier,
            Priority priority,
            Metric metric,
            int cycle,
            Threshold threshold,
            Instant crossedAt,
            Instant firedAt) {

        String headline() {
            return (threshold.isBreach() ? "SLA breached" : "SLA warning: " + reached()) + " (" + metric + ", "
                    + priority.code() + ")";
        }

        String sentence() {
            return metric + " of ticket " + ticket + " (" + priority.code() + ") "
                    + (threshold.isBreach() ? "breached its target" : "reached " + reached()) + " at " + crossedAt;
        }

        private String reached() {
            return threshold.ratio() != null
                    ? threshold.ratio().movePointRight(2).stripTrailingZeros().toPlainString() + " % of its target"
                    : threshold.beforeDue() + " before due";
        }
    }

    private void owe(Crossing crossing) {
        Instant now = Timestamps.now(clock);
        for (EscalationRule rule : rules.matching(
                crossing.tier(),
                crossing.priority().code(),
                crossing.metric().name(),
                crossing.client(),
                crossing.threshold())) {
            String key = rule.id() + "/" + rule.version() + ":" + crossing.ticket() + ":" + crossing.metric() + ":"
                    + crossing.cycle() + ":" + crossing.threshold().key();
            outbox.owe(
                    rule,
                    key,
                    crossing.ticket().value(),
                    null,
                    json.writeValueAsString(payload(rule, crossing, key)),
                    now);
        }
    }

    private static Map<String, Object> payload(EscalationRule rule, Crossing crossing, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (rule.action()) {
            case CHAT ->
                body.put(
                        "text",
                        (crossing.threshold().isBreach() ? "SLA breached: " : "SLA warning: ") + crossing.sentence());
            case MAIL -> {
                body.put("subject", "[Pledge] " + crossing.headline() + " on ticket " + crossing.ticket());
                body.put(
                        "text",
                        crossing.sentence() + ".\n\nPledge noticed at " + crossing.firedAt() + ", by escalation rule \""
                                + rule.name() + "\" (version " + rule.version() + ").\nTicket: /api/v1/tickets/"
                                + crossing.ticket() + "\n");
            }
            case REASSIGN, RAISE_PRIORITY -> body.put("reason", crossing.headline());
            case WEBHOOK -> {
                body.put("event", crossing.event());
                body.put("idempotencyKey", key);
                body.put("ticketId", crossing.ticket().toString());
                body.put("clientId", crossing.client().toString());
                body.put("priority", crossing.priority().code());
                body.put("metric", crossing.metric().name());
                body.put("cycle", crossing.cycle());
                body.put("threshold", crossing.threshold().key());
                if (crossing.threshold().ratio() != null) {
                    body.put("ratio", crossing.threshold().ratio().toPlainString());
                } else {
                    body.put("beforeDue", crossing.threshold().beforeDue().toString());
                }
                body.put("crossedAt", crossing.crossedAt().toString());
                body.put("firedAt", crossing.firedAt().toString());
                body.put("rule", Map.of("id", rule.id().toString(), "version", rule.version(), "name", rule.name()));
            }
        }
        return body;
    }
}
