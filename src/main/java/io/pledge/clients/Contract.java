package io.pledge.clients;

import java.time.Instant;

/** A client on a tier for a period, with its calendar, scope and fee. */
public record Contract(ContractId id, ClientId client, ContractTerms terms, Instant createdAt, Instant updatedAt) {}
