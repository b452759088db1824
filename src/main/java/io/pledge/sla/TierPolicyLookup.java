package io.pledge.sla;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Finds the SLA policy of a tier in force at an instant; implemented by the module that owns tiers. */
public interface TierPolicyLookup {

    Optional<SlaPolicy> policyInForce(UUID tierId, Instant at);
}
