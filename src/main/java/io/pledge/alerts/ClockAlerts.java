package io.pledge.alerts;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.TierId;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Threshold;
import io.pledge.tickets.ClockBreached;
import io.pledge.tickets.ClockWarned;
import io.pledge.tickets.TicketId;
import java.time.Clock;
import java.time.Instant;
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
 * Turns a fired threshold into deliveries, one per matching rule, in the transaction that fires it: a
 * threshold fired is a delivery owed, and a rolled-back firing owes none. Each delivery's idempotency key
 * names the rule version, ticket, metric, clock cycle and threshold, so that a receiver can drop a
 * repeat. What each delivery says ({@link ClockNotice}) is written once, when it is owed.
 */
@Component
class ClockAlerts {

    private final EscalationRules rules;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;
    private final Clients clients;
    private final PriorityScheme priorities;
    private final PublicLinks links;

    ClockAlerts(
            EscalationRules rules,
            Deliveries deliveries,
            JsonMapper json,
            Clock clock,
            Clients clients,
            PriorityScheme priorities,
            PublicLinks links) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.clients = clients;
        this.priorities = priorities;
        this.links = links;
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
                warned.threshold(),
                warned.crossedAt(),
                warned.dueAt(),
                warned.firedAt(),
                warned.subject(),
                warned.source(),
                warned.externalId());
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
                Threshold.BREACH,
                breached.breachedAt(),
                breached.breachedAt(),
                breached.firedAt(),
                breached.subject(),
                breached.source(),
                breached.externalId());
    }

    private void owe(
            String event,
            TicketId ticket,
            ClientId clientId,
            UUID tier,
            Priority priority,
            Metric metric,
            int cycle,
            Threshold threshold,
            Instant crossedAt,
            Instant dueAt,
            Instant firedAt,
            String subject,
            String source,
            String externalId) {
        List<EscalationRule> matching =
                rules.matching(tier == null ? null : new TierId(tier), priority, metric, clientId, threshold);
        if (matching.isEmpty()) {
            return;
        }
        Optional<Client> client = clients.find(clientId);
        ClockNotice notice = new ClockNotice(
                event,
                ticket,
                subject,
                source,
                externalId,
                clientId.value(),
                client.map(Client::name).orElse(clientId.toString()),
                client.map(Client::slug).orElse(clientId.toString()),
                client.map(found -> found.details().zone()).orElse(ZoneOffset.UTC),
                tier,
                priority,
                priorities.displayNames().getOrDefault(priority, priority.code()),
                metric,
                cycle,
                threshold,
                crossedAt,
                dueAt,
                firedAt,
                links.ticket(ticket.value()));
        Instant now = Timestamps.now(clock);
        for (EscalationRule rule : matching) {
            String key = rule.id() + "/" + rule.version() + ":" + ticket + ":" + metric + ":" + cycle + ":"
                    + threshold.key();
            deliveries.add(Delivery.owed(
                    rule, key, ticket.value(), null, json.writeValueAsString(payload(rule, notice, key)), now));
        }
    }

    private static Map<String, Object> payload(EscalationRule rule, ClockNotice notice, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (rule.action()) {
            case CHAT -> body.put("text", notice.chat());
            case MAIL -> {
                body.put("subject", notice.mailSubject());
                body.put("text", notice.mailText(rule));
                body.put("html", notice.mailHtml(rule));
            }
            case REASSIGN, RAISE_PRIORITY -> body.put("reason", notice.headline());
            case WEBHOOK -> body.putAll(notice.webhook(rule, key));
        }
        return body;
    }
}
