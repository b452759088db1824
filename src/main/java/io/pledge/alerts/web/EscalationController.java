package io.pledge.alerts.web;

import io.pledge.alerts.Delivery;
import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.EscalationRules;
import io.pledge.alerts.MailRecipients;
import io.pledge.alerts.Outbox;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.core.ConflictException;
import io.pledge.core.Durations;
import io.pledge.core.HttpUrls;
import io.pledge.core.NotFoundException;
import io.pledge.core.Numbers;
import io.pledge.core.Secrets;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Threshold;
import io.pledge.tickets.Assignees;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Escalation rules (versioned: a change or a removal is a new version) and their deliveries. */
@RestController
@Tag(
        name = "Escalations",
        description = "Rules that turn warnings and breaches into webhooks, chat messages, mail, reassignments and"
                + " raised priorities")
class EscalationController {

    private final EscalationRules rules;
    private final Outbox outbox;
    private final Tiers tiers;
    private final Clients clients;
    private final Assignees assignees;
    private final PriorityScheme priorities;
    private final Clock clock;

    EscalationController(
            EscalationRules rules,
            Outbox outbox,
            Tiers tiers,
            Clients clients,
            Assignees assignees,
            PriorityScheme priorities,
            Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.tiers = tiers;
        this.clients = clients;
        this.assignees = assignees;
        this.priorities = priorities;
        this.clock = clock;
    }

    @PostMapping("/api/v1/escalations")
    @Operation(summary = "Create a rule; a WEBHOOK rule's signing secret is in this answer only")
    @Transactional
    ResponseEntity<RuleView> create(@RequestBody RuleBody body) {
        EscalationRule saved = rules.save(rule(UUID.randomUUID(), body, true));
        return ResponseEntity.created(URI.create("/api/v1/escalations/" + saved.id()))
                .body(RuleView.of(saved, true));
    }

    @GetMapping("/api/v1/escalations")
    @Operation(summary = "The rules in force, each at its current version")
    List<RuleView> list() {
        return rules.current().stream().map(rule -> RuleView.of(rule, false)).toList();
    }

    @GetMapping("/api/v1/escalations/{id}/versions")
    @Operation(summary = "Every version of a rule, the first first")
    List<RuleView> versions(@PathVariable UUID id) {
        List<EscalationRule> versions = rules.versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("escalation", id);
        }
        return versions.stream().map(rule -> RuleView.of(rule, false)).toList();
    }

    @PutMapping("/api/v1/escalations/{id}")
    @Operation(summary = "Save the next version of a rule")
    @Transactional
    RuleView revise(@PathVariable UUID id, @RequestBody RuleBody body) {
        EscalationRule current = active(id);
        EscalationRule next = rule(id, body, false);
        if (next.secret() == null) {
            next = next.withSecret(current.secret());
        }
        return RuleView.of(rules.save(next), false);
    }

    @DeleteMapping("/api/v1/escalations/{id}")
    @Operation(summary = "Retire a rule: a last version that no longer applies")
    @Transactional
    RuleView retire(@PathVariable UUID id) {
        EscalationRule current = active(id);
        return RuleView.of(rules.save(current.retired()), false);
    }

    @GetMapping("/api/v1/deliveries")
    @Operation(summary = "Deliveries by state: DEAD (the default), PENDING or SENT, newest first")
    List<Delivery> deliveries(
            @RequestParam(defaultValue = "DEAD") String state, @RequestParam(defaultValue = "100") int limit) {
        Violations violations = new Violations();
        Delivery.State parsed = violations.parse(
                "state",
                state,
                "state (PENDING, SENT or DEAD)",
                text -> Delivery.State.valueOf(text.toUpperCase(Locale.ROOT)));
        if (limit < 1 || limit > 1000) {
            violations.add("limit", "must be between 1 and 1000, got " + limit);
        }
        violations.throwIfAny();
        return outbox.list(parsed, limit);
    }

    @PostMapping("/api/v1/deliveries/{id}/retry")
    @Operation(summary = "Send a dead delivery again, now")
    @Transactional
    Delivery retry(@PathVariable UUID id) {
        outbox.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
        if (!outbox.retry(id, clock.instant())) {
            throw new ConflictException("state", "only a dead delivery can be retried");
        }
        return outbox.find(id).orElseThrow();
    }

    private EscalationRule active(UUID id) {
        return rules.current(id)
                .filter(EscalationRule::active)
                .orElseThrow(() -> new NotFoundException("escalation", id));
    }

    private EscalationRule rule(UUID id, RuleBody body, boolean newRule) {
        Violations violations = new Violations();
        String name = violations.text("name", body.name(), 200);
        UUID tier = violations.parseOptional("tierId", body.tierId(), "tier id", UUID::fromString);
        String priority = violations.parseOptional(
                "priority",
                body.priority(),
                "priority (" + priorities.describe() + ")",
                text -> priorities
                        .find(text.strip().toUpperCase(Locale.ROOT))
                        .orElseThrow()
                        .code());
        String metric = violations.parseOptional(
                "metric",
                body.metric(),
                "metric (FIRST_RESPONSE or RESOLUTION)",
                text -> Metric.valueOf(text.strip().toUpperCase(Locale.ROOT)).name());
        EscalationRule.FiresOn firesOn = body.firesOn() == null
                ? EscalationRule.FiresOn.THRESHOLD
                : violations.parse(
                        "firesOn",
                        body.firesOn(),
                        "event (THRESHOLD, MONITOR_DOWN, MONITOR_UP, BUDGET_BURNING or BUDGET_RECOVERED)",
                        text -> EscalationRule.FiresOn.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        Threshold threshold = null;
        if (firesOn == EscalationRule.FiresOn.THRESHOLD) {
            threshold = threshold(body, violations);
        } else if (firesOn != null) {
            // A monitor's change has no tier, priority, metric or threshold to match.
            notForMonitors(violations, "tierId", body.tierId());
            notForMonitors(violations, "priority", body.priority());
            notForMonitors(violations, "metric", body.metric());
            notForMonitors(violations, "ratio", body.ratio());
            notForMonitors(violations, "beforeDue", body.beforeDue());
        }
        EscalationRule.Action action = violations.parse(
                "action",
                body.action(),
                "action (WEBHOOK, CHAT, MAIL, REASSIGN or RAISE_PRIORITY)",
                text -> EscalationRule.Action.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        String target = violations.text("target", body.target(), 2000);
        if (target != null && action != null) {
            if (firesOn != null && firesOn.isMonitorEvent() && action.actsOnTicket()) {
                violations.add("action", action + " acts on a ticket; a monitor rule can WEBHOOK, CHAT or MAIL");
            } else {
                target = target(action, target, firesOn, threshold, violations);
            }
        }
        violations.throwIfAny();
        if (tier != null && tiers.find(new TierId(tier)).isEmpty()) {
            throw new UnprocessableException("tierId", "unknown tier " + tier);
        }
        if (action == EscalationRule.Action.REASSIGN
                && assignees.team(UUID.fromString(target)).isEmpty()) {
            throw new UnprocessableException("target", "unknown team " + target);
        }
        if (threshold != null && threshold.beforeDue() != null && !anyPolicyWarns(tier, threshold.beforeDue())) {
            throw new UnprocessableException(
                    "beforeDue",
                    "no " + (tier == null ? "tier's" : "such tier's") + " current policy warns " + threshold.beforeDue()
                            + " before due: add it to the policy's warnBefore first");
        }
        UUID client = body.client() == null
                ? null
                : clients.findByReference(body.client())
                        .map(found -> found.id().value())
                        .orElseThrow(
                                () -> new UnprocessableException("client", "unknown client \"" + body.client() + "\""));
        String secret = body.secret();
        if (secret == null && newRule && action == EscalationRule.Action.WEBHOOK) {
            secret = Secrets.newSecret();
        }
        return new EscalationRule(
                id, 0, name, tier, priority, metric, client, firesOn, threshold, action, target, secret, true, null);
    }

    private static Threshold threshold(RuleBody body, Violations violations) {
        if ((body.ratio() == null) == (body.beforeDue() == null)) {
            violations.add(
                    body.ratio() == null ? "ratio" : "beforeDue",
                    "give either ratio (a fraction of the target: 0.75, 0.9, 1 for the breach) or beforeDue (business"
                            + " time before due, e.g. PT30M)");
            return null;
        }
        if (body.ratio() != null) {
            if (!Numbers.inRange(body.ratio())) {
                violations.add("ratio", "must have " + Numbers.RANGE);
                return null;
            }
            if (body.ratio().signum() <= 0 || body.ratio().compareTo(BigDecimal.ONE) > 0) {
                violations.add("ratio", "must be above 0 and at most 1, got " + body.ratio());
                return null;
            }
            return Threshold.ratio(body.ratio());
        }
        Duration lead = violations.parse(
                "beforeDue", body.beforeDue(), "business-time duration (ISO-8601, e.g. PT30M)", Durations::parse);
        if (lead != null && (lead.isNegative() || lead.isZero())) {
            violations.add("beforeDue", "must be a positive duration, got " + body.beforeDue());
            return null;
        }
        return lead == null ? null : Threshold.beforeDue(lead);
    }

    /** The target in its stored form, checked for what the action needs. */
    private static void notForMonitors(Violations violations, String field, Object value) {
        if (value != null) {
            violations.add(field, "does not apply to a rule firing on a monitor event");
        }
    }

    private String target(
            EscalationRule.Action action,
            String target,
            EscalationRule.FiresOn firesOn,
            Threshold threshold,
            Violations violations) {
        switch (action) {
            case WEBHOOK, CHAT -> {
                String problem = HttpUrls.problem(target.strip());
                if (problem != null) {
                    violations.add("target", problem);
                }
                return target.strip();
            }
            case MAIL -> {
                List<String> recipients = MailRecipients.parse(target);
                if (recipients.isEmpty()) {
                    violations.add("target", "names no recipient");
                }
                boolean breach = threshold != null && threshold.isBreach();
                for (String recipient : recipients) {
                    String problem = firesOn != null && firesOn.isMonitorEvent()
                            ? MailRecipients.problemForMonitors(recipient)
                            : MailRecipients.problem(recipient, breach);
                    if (problem != null) {
                        violations.add("target", problem);
                    }
                }
                return String.join(",", recipients);
            }
            case REASSIGN -> {
                try {
                    return UUID.fromString(target.strip()).toString();
                } catch (IllegalArgumentException e) {
                    violations.add("target", "must be the id of the team to assign to, got " + target);
                    return target;
                }
            }
            case RAISE_PRIORITY -> {
                return priorities
                        .find(target.strip().toUpperCase(Locale.ROOT))
                        .map(Priority::code)
                        .orElseGet(() -> {
                            violations.add(
                                    "target",
                                    "must be the priority to raise to (" + priorities.describe() + "), got " + target);
                            return target;
                        });
            }
        }
        return target;
    }

    /** Whether the tier's current policy, or any tier's when none is named, warns that long before due. */
    private boolean anyPolicyWarns(UUID tier, Duration lead) {
        List<Tier> candidates = tier == null
                ? tiers.all()
                : tiers.find(new TierId(tier)).stream().toList();
        return candidates.stream()
                .anyMatch(found ->
                        found.currentPolicy().terms().sla().warnBefore().contains(lead));
    }

    /** A rule to save: what it matches (absent: any), its threshold, and where it delivers. */
    record RuleBody(
            String name,
            String tierId,
            String priority,
            String metric,
            String client,
            String firesOn,
            BigDecimal ratio,
            String beforeDue,
            String action,
            String target,
            String secret) {}

    record RuleView(
            UUID id,
            int version,
            String name,
            UUID tierId,
            String priority,
            String metric,
            UUID clientId,
            EscalationRule.FiresOn firesOn,
            BigDecimal ratio,
            String beforeDue,
            EscalationRule.Action action,
            String target,
            String secret,
            boolean active,
            Instant createdAt) {

        static RuleView of(EscalationRule rule, boolean withSecret) {
            return new RuleView(
                    rule.id(),
                    rule.version(),
                    rule.name(),
                    rule.tierId(),
                    rule.priority(),
                    rule.metric(),
                    rule.clientId(),
                    rule.firesOn(),
                    rule.threshold() == null ? null : rule.threshold().ratio(),
                    rule.threshold() == null || rule.threshold().beforeDue() == null
                            ? null
                            : rule.threshold().beforeDue().toString(),
                    rule.action(),
                    rule.target(),
                    withSecret ? rule.secret() : null,
                    rule.active(),
                    rule.createdAt());
        }
    }
}
