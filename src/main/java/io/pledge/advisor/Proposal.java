package io.pledge.advisor;

import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierId;
import java.time.Instant;
import java.util.UUID;

/**
 * A proposed policy for a tier, saved to be replayed over history and compared with others. Adopting it saves
 * it as the tier's next policy version; the proposal then records that version and stays as it was.
 *
 * @param adoptedVersion the policy version it became, or null while it is only a proposal
 */
public record Proposal(
        UUID id,
        TierId tier,
        String name,
        PolicyTerms terms,
        Instant createdAt,
        String createdBy,
        Integer adoptedVersion,
        Instant adoptedAt) {}
