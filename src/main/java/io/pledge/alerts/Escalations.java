package io.pledge.alerts;

import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.tickets.ClockBreached;
import io.pledge.tickets.ClockWarned;
import io.pledge.tickets.TicketId;
import java.math.BigDecimal;
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
        owe(
                "clock.warned",
                warned.ticket(),
                warned.clientId(),
                warned.tierId(),
                warned.priority(),
                warned.metric(),
                warned.cycle(),
                warned.ratio(),
                warned.crossedAt(),
                warned.firedAt());
    }

    @EventListener
    void on(ClockBreached breached) {
        owe(
                "clock.breached",
                breached.ticket(),
                breached.clientId(),
                breached.tierId(),
                breached.priority(),
                breached.metric(),
                breached.cycle(),
                BigDecimal.ONE,
                breached.breachedAt(),
                breached.firedAt());
    }

    private void owe(
            String event,
            TicketId ticket,
            UUID client,
            UUID tier,
            Priority priority,
            Metric metric,
            int cycle,
            BigDecimal ratio,
            Instant crossedAt,
            Instant firedAt) {
        Instant now = Timestamps.now(clock);
        for (EscalationRule rule : rules.matching(tier, priority.code(), metric.name(), client, ratio)) {
            String key = rule.id() + "/" + rule.version() + ":" + ticket + ":" + metric + ":" + cycle + ":"
                    + ratio.stripTrailingZeros().toPlainString();
            Map<String, Object> body = new LinkedHashMap<>();
            if (rule.action() == EscalationRule.Action.CHAT) {
                body.put(
                        "text",
                        (event.equals("clock.breached") ? "SLA breached: " : "SLA warning: ")
                                + metric + " of ticket " + ticket + " (" + priority.code() + ") crossed "
                                + ratio.movePointRight(2).stripTrailingZeros().toPlainString() + " % of its target at "
                                + crossedAt);
            } else {
                body.put("event", event);
                body.put("idempotencyKey", key);
                body.put("ticketId", ticket.toString());
                body.put("clientId", client.toString());
                body.put("priority", priority.code());
                body.put("metric", metric.name());
                body.put("cycle", cycle);
                body.put("ratio", ratio.stripTrailingZeros().toPlainString());
                body.put("crossedAt", crossedAt.toString());
                body.put("firedAt", firedAt.toString());
                body.put("rule", Map.of("id", rule.id().toString(), "version", rule.version(), "name", rule.name()));
            }
            outbox.add(new Delivery(
                    UUID.randomUUID(),
                    rule.id(),
                    rule.version(),
                    key,
                    ticket.value(),
                    rule.action(),
                    rule.target(),
                    json.writeValueAsString(body),
                    Delivery.State.PENDING,
                    0,
                    now,
                    null,
                    now,
                    null));
        }
    }
}
