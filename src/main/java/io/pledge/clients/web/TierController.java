package io.pledge.clients.web;

import io.pledge.clients.CreditStep;
import io.pledge.clients.Tier;
import io.pledge.clients.TierCatalog;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.NotFoundException;
import io.pledge.core.Violations;
import io.pledge.sla.SlaPolicyDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiers")
@Tag(name = "Tiers", description = "Service levels and their versioned SLA policies")
class TierController {

    private final Tiers tiers;
    private final TierCatalog catalog;

    TierController(Tiers tiers, TierCatalog catalog) {
        this.tiers = tiers;
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(summary = "Create a tier with policy version 1")
    ResponseEntity<TierView> create(@RequestBody TierRequest request, Principal author) {
        Tier tier = catalog.create(request.name(), request.description(), request.policy(), author.getName());
        return ResponseEntity.created(URI.create("/api/v1/tiers/" + tier.id())).body(TierView.of(tier));
    }

    @GetMapping
    @Operation(summary = "List tiers by name, each with its current policy")
    List<TierView> list() {
        return tiers.all().stream().map(TierView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a tier with its current policy")
    TierView get(@PathVariable UUID id) {
        return tiers.find(new TierId(id)).map(TierView::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a tier or change its description (the policy is versioned separately)")
    TierView rename(@PathVariable UUID id, @RequestBody TierRequest request) {
        if (request.policy() != null) {
            Violations violations = new Violations();
            violations.add("policy", "policies are versioned: POST a new version to /api/v1/tiers/" + id + "/policies");
            violations.throwIfAny();
        }
        return TierView.of(catalog.rename(new TierId(id), request.name(), request.description()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a tier no contract uses, with all its policy versions")
    void delete(@PathVariable UUID id) {
        catalog.remove(new TierId(id));
    }

    @PostMapping("/{id}/policies")
    @Operation(summary = "Edit the policy: saves the next version, in force from now; earlier versions never change")
    ResponseEntity<PolicyView> revise(
            @PathVariable UUID id, @RequestBody TierPolicyDocument document, Principal author) {
        TierPolicy policy = catalog.revise(new TierId(id), document, author.getName());
        return ResponseEntity.created(URI.create("/api/v1/tiers/" + id + "/policies/" + policy.version()))
                .body(PolicyView.of(policy));
    }

    @GetMapping("/{id}/policies")
    @Operation(summary = "List every policy version, oldest first")
    List<PolicyView> versions(@PathVariable UUID id) {
        List<TierPolicy> versions = tiers.versions(new TierId(id));
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions.stream().map(PolicyView::of).toList();
    }

    @GetMapping("/{id}/policies/{version}")
    @Operation(summary = "Get one policy version")
    PolicyView version(@PathVariable UUID id, @PathVariable int version) {
        return tiers.version(new TierId(id), version)
                .map(PolicyView::of)
                .orElseThrow(() -> new NotFoundException("policy version " + version + " of tier", id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("tier", id);
    }

    /** A tier to create (name, description, policy) or rename (name, description). */
    record TierRequest(String name, String description, TierPolicyDocument policy) {}

    record TierView(UUID id, String name, String description, Instant createdAt, PolicyView policy) {

        static TierView of(Tier tier) {
            return new TierView(
                    tier.id().value(),
                    tier.name(),
                    tier.description(),
                    tier.createdAt(),
                    PolicyView.of(tier.currentPolicy()));
        }
    }

    record PolicyView(
            int version,
            Instant effectiveFrom,
            String createdBy,
            List<SlaPolicyDocument.TargetDocument> targets,
            List<BigDecimal> thresholds,
            List<String> warnBefore,
            Map<String, List<String>> pauseStatuses,
            String reopenRule,
            String priorityChangeRule,
            BigDecimal uptimeTarget,
            List<CreditStep> credits,
            BigDecimal creditCapPercent,
            String creditsPer,
            List<TierPolicyDocument.TicketCreditDocument> ticketCredits) {

        static PolicyView of(TierPolicy policy) {
            TierPolicyDocument document = policy.terms().toDocument();
            return new PolicyView(
                    policy.version(),
                    policy.effectiveFrom(),
                    policy.createdBy(),
                    document.targets(),
                    document.thresholds(),
                    document.warnBefore(),
                    document.pauseStatuses(),
                    document.reopenRule(),
                    document.priorityChangeRule(),
                    document.uptimeTarget(),
                    document.credits(),
                    document.creditCapPercent(),
                    document.creditsPer(),
                    document.ticketCredits());
        }
    }
}
