package io.pledge.advisor.web;

import io.pledge.advisor.Proposal;
import io.pledge.advisor.Proposals;
import io.pledge.advisor.Replay;
import io.pledge.advisor.WhatIfReplays;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.reporting.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The what-if replay and saved proposals over HTTP. */
@RestController
@Tag(name = "What-if", description = "Ticket history replayed under a proposed policy, nothing stored changed")
class WhatIfController {

    /** At most this many clients or proposals in one request. */
    static final int MAX_LISTED = 500;

    private final WhatIfReplays replays;
    private final Proposals proposals;
    private final Tiers tiers;
    private final Clients clients;

    WhatIfController(WhatIfReplays replays, Proposals proposals, Tiers tiers, Clients clients) {
        this.replays = replays;
        this.proposals = proposals;
        this.tiers = tiers;
        this.clients = clients;
    }

    @PostMapping("/api/v1/what-if")
    @Operation(
            summary = "Replay the tickets a tier's clients raised in a period under a proposed policy (the document"
                    + " the tier policy API takes), side by side with the policies in force: met %, breaches, paused"
                    + " time and credits per client, priority and metric, and the clocks whose outcome changes;"
                    + " nothing stored changes")
    Replay replay(@RequestBody WhatIfRequest request, Scope scope) {
        Violations violations = new Violations();
        UUID tierId = violations.parse("tierId", request.tierId(), "tier id", UUID::fromString);
        if (request.policy() == null) {
            violations.add("policy", "is required: the proposed policy, as the tier policy API takes it");
        }
        ReportPeriod period = period(request.period(), request.from(), request.to(), violations);
        violations.throwIfAny();
        PolicyTerms terms = replays.terms(request.policy(), "policy.");
        Tier tier = tier(tierId, "tierId");
        return replays.replay(tier, terms, null, period, clients(request.clients(), "clients", scope), scope);
    }

    @PostMapping("/api/v1/what-if/proposals")
    @Operation(summary = "Save a proposed policy for a tier, to replay, compare and adopt later")
    ResponseEntity<ProposalView> propose(@RequestBody ProposalRequest request, Principal author) {
        Violations violations = new Violations();
        UUID tierId = violations.parse("tierId", request.tierId(), "tier id", UUID::fromString);
        String name = violations.text("name", request.name(), 200);
        if (request.policy() == null) {
            violations.add("policy", "is required: the proposed policy, as the tier policy API takes it");
        }
        violations.throwIfAny();
        PolicyTerms terms = replays.terms(request.policy(), "policy.");
        Tier tier = tier(tierId, "tierId");
        Proposal proposal = replays.propose(tier.id(), name, terms, author.getName());
        return ResponseEntity.created(URI.create("/api/v1/what-if/proposals/" + proposal.id()))
                .body(ProposalView.of(proposal, tier.name()));
    }

    @GetMapping("/api/v1/what-if/proposals")
    @Operation(summary = "Every saved proposal, newest first")
    List<ProposalView> proposals() {
        return proposals.all().stream()
                .map(p ->
                        ProposalView.of(p, tiers.find(p.tier()).map(Tier::name).orElse(null)))
                .toList();
    }

    @GetMapping("/api/v1/what-if/proposals/{id}")
    @Operation(summary = "One saved proposal")
    ProposalView proposal(@PathVariable String id) {
        Proposal proposal = find(id);
        return ProposalView.of(
                proposal, tiers.find(proposal.tier()).map(Tier::name).orElse(null));
    }

    @GetMapping("/api/v1/what-if/proposals/{id}/replay")
    @Operation(
            summary = "Replay a saved proposal over a period (period, or from and to), optionally for some clients"
                    + " (clients=slug,slug)")
    Replay replayProposal(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String clients,
            Scope scope) {
        Proposal proposal = find(id);
        ReportPeriod parsed = ReportPeriod.parse(period, from, to);
        List<Client> chosen = clients(split(clients, "clients"), "clients", scope);
        Tier tier = tiers.find(proposal.tier())
                .orElseThrow(() -> new NotFoundException("tier", proposal.tier().value()));
        return replays.replay(tier, proposal.terms(), proposal.id(), parsed, chosen, scope);
    }

    @GetMapping("/api/v1/what-if/compare")
    @Operation(
            summary = "Several saved proposals of one tier replayed over the same period and clients, each side by"
                    + " side with the policies in force (proposals=id,id)")
    Comparison compare(
            @RequestParam(required = false) String proposals,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String clients,
            Scope scope) {
        List<String> ids = split(proposals, "proposals");
        if (ids == null) {
            throw new InvalidRequestException(
                    "proposals", "is required: the ids of the proposals to compare, comma-separated");
        }
        ReportPeriod parsed = ReportPeriod.parse(period, from, to);
        List<Proposal> chosen = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = uuid(ids.get(i), "proposals[" + i + "]", "proposal id");
            int index = i;
            this.proposals
                    .find(id)
                    .ifPresentOrElse(
                            chosen::add,
                            () -> unknown.add(new Violation("proposals[" + index + "]", "unknown proposal " + id)));
        }
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(unknown);
        }
        TierId tierId = chosen.get(0).tier();
        for (int i = 1; i < chosen.size(); i++) {
            if (!chosen.get(i).tier().equals(tierId)) {
                throw new UnprocessableException(
                        "proposals[" + i + "]", "is for another tier than proposals[0]: compare proposals of one tier");
            }
        }
        Tier tier = tiers.find(tierId).orElseThrow(() -> new NotFoundException("tier", tierId.value()));
        List<Client> chosenClients = clients(split(clients, "clients"), "clients", scope);
        List<Alternative> alternatives = new ArrayList<>();
        Replay first = null;
        for (Proposal proposal : chosen) {
            Replay replay = replays.replay(tier, proposal.terms(), proposal.id(), parsed, chosenClients, scope);
            first = first == null ? replay : first;
            alternatives.add(new Alternative(
                    proposal.id(), proposal.name(), replay.metrics(), replay.priorities(), replay.changedTickets()));
        }
        return new Comparison(
                tier.id().value(), tier.name(), first.period(), first.evaluatedAt(), first.tickets(), alternatives);
    }

    @PostMapping("/api/v1/what-if/proposals/{id}/adopt")
    @Operation(summary = "Save a proposal as its tier's next policy version, in force from now (once)")
    ResponseEntity<Adopted> adopt(@PathVariable String id, Principal author) {
        UUID proposal = uuid(id, "id", "proposal id");
        TierPolicy version = replays.adopt(proposal, author.getName());
        return ResponseEntity.created(
                        URI.create("/api/v1/tiers/" + version.tier().value() + "/policies/" + version.version()))
                .body(new Adopted(proposal, version.tier().value(), version.version(), version.effectiveFrom()));
    }

    private Proposal find(String id) {
        UUID proposal = uuid(id, "id", "proposal id");
        return proposals.find(proposal).orElseThrow(() -> new NotFoundException("proposal", proposal));
    }

    private Tier tier(UUID id, String field) {
        return tiers.find(new TierId(id)).orElseThrow(() -> new UnprocessableException(field, "unknown tier " + id));
    }

    private List<Client> clients(List<String> references, String field, Scope scope) {
        if (references == null) {
            return List.of();
        }
        if (references.size() > MAX_LISTED) {
            throw new InvalidRequestException(field, "names at most " + MAX_LISTED + " clients");
        }
        List<Client> found = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            if (reference == null || reference.isBlank()) {
                throw new InvalidRequestException(field + "[" + i + "]", "must be a client id or slug");
            }
            int index = i;
            clients.findByReference(reference.strip(), scope)
                    .ifPresentOrElse(
                            client -> {
                                if (found.stream().noneMatch(c -> c.id().equals(client.id()))) {
                                    found.add(client);
                                }
                            },
                            () -> unknown.add(new Violation(field + "[" + index + "]", "unknown client " + reference)));
        }
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(unknown);
        }
        return found;
    }

    private static ReportPeriod period(String period, String from, String to, Violations violations) {
        try {
            return ReportPeriod.parse(period, from, to);
        } catch (InvalidRequestException bad) {
            bad.violations().forEach(v -> violations.add(v.field(), v.message()));
            return null;
        }
    }

    /** A comma-separated list, or null when there is none. */
    private static List<String> split(String list, String field) {
        if (list == null || list.isBlank()) {
            return null;
        }
        List<String> parts = Arrays.stream(list.split(",")).map(String::strip).toList();
        if (parts.size() > MAX_LISTED) {
            throw new InvalidRequestException(field, "names at most " + MAX_LISTED);
        }
        return parts;
    }

    private static UUID uuid(String value, String field, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException bad) {
            throw new InvalidRequestException(field, "must be a " + what + " (UUID), got \"" + shorten(value) + "\"");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** A replay of a policy sent with the request: a period (period, or from and to), optionally some clients. */
    record WhatIfRequest(
            String tierId, String period, String from, String to, List<String> clients, TierPolicyDocument policy) {}

    record ProposalRequest(String tierId, String name, TierPolicyDocument policy) {}

    record ProposalView(
            UUID id,
            UUID tierId,
            String tier,
            String name,
            TierPolicyDocument policy,
            Instant createdAt,
            String createdBy,
            Integer adoptedVersion,
            Instant adoptedAt) {

        static ProposalView of(Proposal proposal, String tierName) {
            return new ProposalView(
                    proposal.id(),
                    proposal.tier().value(),
                    tierName,
                    proposal.name(),
                    proposal.terms().toDocument(),
                    proposal.createdAt(),
                    proposal.createdBy(),
                    proposal.adoptedVersion(),
                    proposal.adoptedAt());
        }
    }

    record Alternative(
            UUID proposal, String name, List<Replay.Line> metrics, List<Replay.Line> priorities, int changedTickets) {}

    record Comparison(
            UUID tierId,
            String tier,
            Replay.Period period,
            Instant evaluatedAt,
            int tickets,
            List<Alternative> alternatives) {}

    record Adopted(UUID proposal, UUID tierId, int version, Instant effectiveFrom) {}
}
