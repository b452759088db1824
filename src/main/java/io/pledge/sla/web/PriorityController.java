package io.pledge.sla.web;

import io.pledge.sla.PriorityScheme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Priorities", description = "The priority scheme tiers set targets for")
class PriorityController {

    private final PriorityScheme scheme;

    PriorityController(PriorityScheme scheme) {
        this.scheme = scheme;
    }

    @GetMapping("/api/v1/priorities")
    @Operation(summary = "List priorities, most urgent first, with display names")
    List<PriorityView> list() {
        return scheme.displayNames().entrySet().stream()
                .map(e -> new PriorityView(e.getKey().code(), e.getValue()))
                .toList();
    }

    record PriorityView(String code, String name) {}
}
