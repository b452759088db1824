package io.pledge.clients;

import java.time.Instant;

/** A named service level (Gold, Silver, Bronze) and its latest policy version. */
public record Tier(TierId id, String name, String description, TierPolicy currentPolicy, Instant createdAt) {}
