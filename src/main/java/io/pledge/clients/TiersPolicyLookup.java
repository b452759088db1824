package io.pledge.clients;

import io.pledge.sla.SlaPolicy;
import io.pledge.sla.TierPolicyLookup;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tier policies for SLA evaluation: the version in force at the instant asked (PRODUCT.md rule 3). */
@Component
class TiersPolicyLookup implements TierPolicyLookup {

    private final Tiers tiers;

    TiersPolicyLookup(Tiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public Optional<SlaPolicy> policyInForce(UUID tierId, Instant at) {
        return tiers.policyAt(new TierId(tierId), at)
                .map(policy -> policy.terms().sla());
    }
}
