package io.pledge.alerts;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import io.pledge.tickets.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A threshold a clock crossed, with what a person needs to act on it: the ticket as people know it (subject,
 * external id and source), its client, the priority's display name, the due or breach instant in the
 * client's zone, the time left or overdue when Pledge noticed, and a link; written out for each channel.
 *
 * @param dueAt the clock's due instant (its breach instant on a breach); null while it is paused or stopped
 */
record ClockNotice(
        String event,
        TicketId ticket,
        String subject,
        String source,
        String externalId,
        UUID client,
        String clientName,
        String clientSlug,
        ZoneId zone,
        UUID tier,
        Priority priority,
        String priorityName,
        Metric metric,
        int cycle,
        Threshold threshold,
        Instant crossedAt,
        Instant dueAt,
        Instant firedAt,
        String link) {

    String headline() {
        return (threshold.isBreach() ? "SLA breached" : "SLA warning: " + reached()) + " (" + metric + ", "
                + priorityLabel() + ")";
    }

    /** The ticket as people know it: its external id in its source, else its id. */
    String name() {
        return externalId == null ? ticket.toString() : externalId + " (" + source + ")";
    }

    String priorityLabel() {
        return priority.code() + " " + priorityName;
    }

    /** {@code "Printer down"}, on one line. */
    String quotedSubject() {
        return "\"" + Notices.line(subject, 200) + "\"";
    }

    /** The due instant and how far it is from the instant Pledge noticed. */
    String due() {
        if (dueAt == null) {
            return "no due instant while the clock is paused or stopped";
        }
        Duration left = Duration.between(firedAt, dueAt);
        String when = Notices.local(dueAt, zone);
        if (threshold.isBreach()) {
            return "breached at " + when + ", overdue by " + Notices.words(left);
        }
        return left.isNegative() || left.isZero()
                ? "due " + when + ", overdue by " + Notices.words(left)
                : "due " + when + ", in " + Notices.words(left);
    }

    String chat() {
        return (threshold.isBreach() ? "SLA breached: " : "SLA warning: ") + metric + " of " + clientName
                + " ticket " + name() + " " + quotedSubject() + " (" + priorityLabel() + ") "
                + (threshold.isBreach() ? "breached its target" : "reached " + reached()) + "; " + due() + ". "
                + link;
    }

    String mailSubject() {
        return "[Pledge] " + headline() + ": " + Notices.line(clientName, 80) + " " + Notices.line(name(), 100) + " "
                + Notices.line(subject, 80);
    }

    String mailText(EscalationRule rule) {
        return Notices.textMail(headline(), facts(), link, closing(rule));
    }

    String mailHtml(EscalationRule rule) {
        return Notices.htmlMail(headline(), facts(), link, closing(rule));
    }

    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Ticket", name());
        facts.put("Subject", Notices.line(subject, 500));
        facts.put("Client", clientName + " (" + clientSlug + ")");
        facts.put("Priority", priorityLabel());
        facts.put("Clock", metric + (cycle > 1 ? ", cycle " + cycle : ""));
        if (threshold.isBreach()) {
            facts.put("Breached", Notices.local(crossedAt, zone));
        } else {
            facts.put("Reached", reached() + " at " + Notices.local(crossedAt, zone));
            facts.put("Due", dueAt == null ? "none while the clock is paused or stopped" : Notices.local(dueAt, zone));
        }
        if (dueAt != null) {
            Duration left = Duration.between(firedAt, dueAt);
            if (left.isNegative() || threshold.isBreach()) {
                facts.put("Overdue", Notices.words(left));
            } else {
                facts.put("Time left", Notices.words(left));
            }
        }
        return facts;
    }

    private String closing(EscalationRule rule) {
        return "Pledge noticed at " + Notices.local(firedAt, zone) + ", by escalation rule \"" + rule.name()
                + "\" (version " + rule.version() + ").";
    }

    private String reached() {
        return threshold.ratio() != null
                ? threshold.ratio().movePointRight(2).stripTrailingZeros().toPlainString() + " % of its target"
                : Notices.words(threshold.beforeDue()) + " before due";
    }

    /** The webhook's body: the fields it always had, and those that name the ticket, its client and instants. */
    Map<String, Object> webhook(EscalationRule rule, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("idempotencyKey", key);
        body.put("ticketId", ticket.toString());
        body.put("clientId", client.toString());
        body.put("priority", priority.code());
        body.put("metric", metric.name());
        body.put("cycle", cycle);
        body.put("threshold", threshold.key());
        if (threshold.ratio() != null) {
            body.put("ratio", threshold.ratio().toPlainString());
        } else {
            body.put("beforeDue", threshold.beforeDue().toString());
        }
        body.put("crossedAt", crossedAt.toString());
        body.put("firedAt", firedAt.toString());
        body.put("rule", Map.of("id", rule.id().toString(), "version", rule.version(), "name", rule.name()));
        Map<String, Object> ticketFacts = new LinkedHashMap<>();
        ticketFacts.put("id", ticket.toString());
        ticketFacts.put("subject", subject);
        ticketFacts.put("source", source);
        ticketFacts.put("externalId", externalId);
        ticketFacts.put("url", link);
        body.put("ticket", ticketFacts);
        Map<String, Object> clientFacts = new LinkedHashMap<>();
        clientFacts.put("id", client.toString());
        clientFacts.put("name", clientName);
        clientFacts.put("slug", clientSlug);
        clientFacts.put("zone", zone.getId());
        body.put("client", clientFacts);
        body.put("priorityName", priorityName);
        if (dueAt != null) {
            body.put("dueAt", dueAt.toString());
            body.put("dueAtLocal", Notices.offset(dueAt, zone));
            Duration left = Duration.between(firedAt, dueAt);
            if (left.isNegative() || (left.isZero() && threshold.isBreach())) {
                body.put("overdue", left.negated().toString());
            } else {
                body.put("timeLeft", left.toString());
            }
        }
        body.put("crossedAtLocal", Notices.offset(crossedAt, zone));
        body.put("url", link);
        return body;
    }
}
