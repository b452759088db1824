package io.pledge.clients;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON form of a contract: {@code {"tierId", "calendarId", "startDate", "endDate", "services",
 * "monthlyFee", "currency"}}; {@code endDate} absent means open-ended.
 */
public record ContractDocument(
        String tierId,
        String calendarId,
        String startDate,
        String endDate,
        List<String> services,
        BigDecimal monthlyFee,
        String currency) {}
