package io.pledge.alerts;

import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Secrets;
import io.pledge.core.UnprocessableException;
import io.pledge.sla.PriorityScheme;
import io.pledge.tickets.Assignees;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation rules as people edit them (versioned: a change or a removal is a new version) and the
 * deliveries they owe, each change in one transaction. A rule is checked in two steps: its document
 * ({@link EscalationRuleDefinition#parse}, 400 naming every invalid field), then what only the catalog
 * can tell (422 on the first unknown tier, team or client, or a lead no policy warns at).
 */
@Service
@Transactional
public class Escalations {

    private final EscalationRules rules;
    private final Deliveries deliveries;
    private final Tiers tiers;
    private final Clients clients;
    private final Assignees assignees;
    private final PriorityScheme priorities;
    private final Clock clock;

    Escalations(
            EscalationRules rules,
            Deliveries deliveries,
            Tiers tiers,
            Clients clients,
            Assignees assignees,
            PriorityScheme priorities,
            Clock clock) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.tiers = tiers;
        this.clients = clients;
        this.assignees = assignees;
        this.priorities = priorities;
        this.clock = clock;
    }

    /** Saves a new rule; a WEBHOOK rule given no secret gets a random one. */
    public EscalationRule create(EscalationRuleDocument document) {
        EscalationRuleDefinition definition = checked(document);
        String secret = definition.secret();
        if (secret == null && definition.action() == EscalationRule.Action.WEBHOOK) {
            secret = Secrets.newSecret();
        }
        return rules.save(definition.rule(UUID.randomUUID(), client(definition), secret));
    }

    /** The rules in force, each at its current version. */
    @Transactional(readOnly = true)
    public List<EscalationRule> current() {
        return rules.current();
    }

    /** Every version of a rule, the first first. */
    @Transactional(readOnly = true)
    public List<EscalationRule> versions(UUID id) {
        List<EscalationRule> versions = rules.versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("escalation", id);
        }
        return versions;
    }

    /** Saves the next version of an active rule; it keeps its secret unless given another. */
    public EscalationRule revise(UUID id, EscalationRuleDocument document) {
        EscalationRule current = active(id);
        EscalationRuleDefinition definition = checked(document);
        String secret = definition.secret() == null ? current.secret() : definition.secret();
        return rules.save(definition.rule(id, client(definition), secret));
    }

    /** Saves a last version of an active rule that no longer applies. */
    public EscalationRule retire(UUID id) {
        return rules.save(active(id).retired());
    }

    /** Deliveries in a state, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Delivery.State state, int limit) {
        return deliveries.list(state, limit);
    }

    /** Puts a dead delivery back in line, now. */
    public Delivery retry(UUID id) {
        deliveries.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
        if (!deliveries.retry(id, clock.instant())) {
            throw new ConflictException("state", "only a dead delivery can be retried");
        }
        return deliveries.find(id).orElseThrow();
    }

    private EscalationRule active(UUID id) {
        return rules.current(id)
                .filter(EscalationRule::active)
                .orElseThrow(() -> new NotFoundException("escalation", id));
    }

    /** The document validated, then checked against the tiers, teams and policies it names. */
    private EscalationRuleDefinition checked(EscalationRuleDocument document) {
        EscalationRuleDefinition definition = EscalationRuleDefinition.parse(document, priorities);
        TierId tier = definition.tier();
        if (tier != null && tiers.find(tier).isEmpty()) {
            throw new UnprocessableException("tierId", "unknown tier " + tier);
        }
        UUID team = definition.team();
        if (team != null && assignees.team(team).isEmpty()) {
            throw new UnprocessableException("target", "unknown team " + definition.target());
        }
        Duration lead = definition.beforeDue();
        if (lead != null && !anyPolicyWarns(tier, lead)) {
            throw new UnprocessableException(
                    "beforeDue",
                    "no " + (tier == null ? "tier's" : "such tier's") + " current policy warns " + lead
                            + " before due: add it to the policy's warnBefore first");
        }
        return definition;
    }

    /** The client the rule names, null when it names none. */
    private ClientId client(EscalationRuleDefinition definition) {
        String reference = definition.client();
        return reference == null
                ? null
                : clients.findByReference(reference)
                        .map(found -> found.id())
                        .orElseThrow(
                                () -> new UnprocessableException("client", "unknown client \"" + reference + "\""));
    }

    /** Whether the tier's current policy, or any tier's when none is named, warns that long before due. */
    private boolean anyPolicyWarns(TierId tier, Duration lead) {
        List<Tier> candidates =
                tier == null ? tiers.all() : tiers.find(tier).stream().toList();
        return candidates.stream()
                .anyMatch(found ->
                        found.currentPolicy().terms().sla().warnBefore().contains(lead));
    }
}
