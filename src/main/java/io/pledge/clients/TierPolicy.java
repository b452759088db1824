package io.pledge.clients;

import java.time.Instant;

/**
 * One saved version of a tier's policy. Versions are numbered from 1, never change once saved, and
 * each is in force from its {@code effectiveFrom} until the next version's.
 */
public record TierPolicy(TierId tier, int version, Instant effectiveFrom, String createdBy, PolicyTerms terms) {}
