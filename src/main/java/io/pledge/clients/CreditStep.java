package io.pledge.clients;

import java.math.BigDecimal;

/** One step of a credit schedule: when availability falls below a percentage, a percentage of the fee is owed. */
public record CreditStep(BigDecimal availabilityBelow, BigDecimal creditPercent) {}
