package io.pledge.audit.web;

import io.pledge.audit.AuditVerifier;
import io.pledge.audit.AuditVerifier.ChainReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "The tamper-evident audit log")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(
            summary = "Recompute every audit chain; each chain's entry count, head hash and first broken link,"
                    + " if any")
    Verification verify() {
        List<ChainReport> chains = verifier.verify();
        return new Verification(chains.stream().allMatch(chain -> chain.broken() == null), chains);
    }

    record Verification(boolean valid, List<ChainReport> chains) {}
}
