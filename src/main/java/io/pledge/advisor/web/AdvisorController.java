package io.pledge.advisor.web;

import io.pledge.advisor.AdvisorReport;
import io.pledge.advisor.Goal;
import io.pledge.advisor.TargetAdvisor;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The target advisor and the internal goals over HTTP. */
@RestController
@Tag(name = "Target advisor", description = "What the clocks actually took, and targets that can be kept")
class AdvisorController {

    private final TargetAdvisor advisor;
    private final Tiers tiers;

    AdvisorController(TargetAdvisor advisor, Tiers tiers) {
        this.advisor = advisor;
        this.tiers = tiers;
    }

    @GetMapping("/api/v1/advisor")
    @Operation(
            summary = "Per tier, priority and metric, the business time the clocks that stopped in a period took"
                    + " (p50, p80, p90, p95, max), met % against the target promised now and the internal goal, the"
                    + " target a compliance level (compliance, default 95) would have needed, and the same per month;"
                    + " period as for reports (period=2026-Q3, or from and to), optionally one tier and one client")
    AdvisorReport advise(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String compliance,
            Scope scope) {
        return advisor.advise(period, from, to, tier, client, compliance, scope);
    }

    @GetMapping("/api/v1/advisor/goals")
    @Operation(summary = "Every internal goal, stricter than the target its tier promises")
    List<GoalView> goals() {
        Map<UUID, String> names =
                tiers.all().stream().collect(Collectors.toMap(t -> t.id().value(), Tier::name, (a, b) -> a));
        return advisor.goals().stream()
                .map(goal -> GoalView.of(goal, names.get(goal.tier().value())))
                .toList();
    }

    @PutMapping("/api/v1/advisor/goals/{tier}/{priority}/{metric}")
    @Operation(summary = "Set the internal goal of a tier's priority and metric (body: {\"goal\": \"PT2H\"})")
    GoalView putGoal(
            @PathVariable String tier,
            @PathVariable String priority,
            @PathVariable String metric,
            @RequestBody GoalDocument document,
            Principal author) {
        TierId id = tierId(tier);
        Goal goal = advisor.putGoal(id, priority, metric, document.goal(), author.getName());
        return GoalView.of(goal, tiers.find(id).map(Tier::name).orElse(null));
    }

    @DeleteMapping("/api/v1/advisor/goals/{tier}/{priority}/{metric}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an internal goal")
    void removeGoal(@PathVariable String tier, @PathVariable String priority, @PathVariable String metric) {
        if (!advisor.removeGoal(tierId(tier), priority, metric)) {
            throw new NotFoundException("goal", tier + "/" + priority + "/" + metric);
        }
    }

    private static TierId tierId(String tier) {
        try {
            return new TierId(UUID.fromString(tier));
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidRequestException("tier", "must be a tier id (UUID), got \"" + tier + "\"");
        }
    }

    record GoalDocument(String goal) {}

    record GoalView(
            UUID tierId,
            String tier,
            String priority,
            String metric,
            Duration goal,
            Instant updatedAt,
            String updatedBy) {

        static GoalView of(Goal goal, String tierName) {
            return new GoalView(
                    goal.tier().value(),
                    tierName,
                    goal.priority().code(),
                    goal.metric().name(),
                    goal.goal(),
                    goal.updatedAt(),
                    goal.updatedBy());
        }
    }
}
