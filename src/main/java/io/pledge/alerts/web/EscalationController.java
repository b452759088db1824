package io.pledge.alerts.web;

import io.pledge.alerts.Delivery;
import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.EscalationRuleDocument;
import io.pledge.alerts.Escalations;
import io.pledge.core.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

    private final Escalations escalations;

    EscalationController(Escalations escalations) {
        this.escalations = escalations;
    }

    @PostMapping("/api/v1/escalations")
    @Operation(summary = "Create a rule; a WEBHOOK rule's signing secret is in this answer only")
    ResponseEntity<RuleView> create(@RequestBody EscalationRuleDocument body) {
        EscalationRule saved = escalations.create(body);
        return ResponseEntity.created(URI.create("/api/v1/escalations/" + saved.id()))
                .body(RuleView.of(saved, true));
    }

    @GetMapping("/api/v1/escalations")
    @Operation(summary = "The rules in force, each at its current version")
    List<RuleView> list() {
        return escalations.current().stream()
                .map(rule -> RuleView.of(rule, false))
                .toList();
    }

    @GetMapping("/api/v1/escalations/{id}/versions")
    @Operation(summary = "Every version of a rule, the first first")
    List<RuleView> versions(@PathVariable UUID id) {
        return escalations.versions(id).stream()
                .map(rule -> RuleView.of(rule, false))
                .toList();
    }

    @PutMapping("/api/v1/escalations/{id}")
    @Operation(summary = "Save the next version of a rule")
    RuleView revise(@PathVariable UUID id, @RequestBody EscalationRuleDocument body) {
        return RuleView.of(escalations.revise(id, body), false);
    }

    @DeleteMapping("/api/v1/escalations/{id}")
    @Operation(summary = "Retire a rule: a last version that no longer applies")
    RuleView retire(@PathVariable UUID id) {
        return RuleView.of(escalations.retire(id), false);
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
        return escalations.deliveries(parsed, limit);
    }

    @PostMapping("/api/v1/deliveries/{id}/retry")
    @Operation(summary = "Send a dead delivery again, now")
    Delivery retry(@PathVariable UUID id) {
        return escalations.retry(id);
    }

    /** A rule version as the API shows it; the secret only in the answer to its creation. */
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
                    rule.tierId() == null ? null : rule.tierId().value(),
                    rule.priority() == null ? null : rule.priority().code(),
                    rule.metric() == null ? null : rule.metric().name(),
                    rule.clientId() == null ? null : rule.clientId().value(),
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
