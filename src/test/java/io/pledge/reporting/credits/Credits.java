package io.pledge.reporting.credits;

import io.pledge.calendar.CalendarId;
import io.pledge.clients.ContractTerms;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.sla.PriorityScheme;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Policies, contracts and figures for credit examples. */
final class Credits {

    static final Duration THIRTY_DAYS = Duration.ofDays(30);
    static final TierId GOLD = new TierId(UUID.fromString("00000000-0000-0000-0000-00000000a001"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Credits() {}

    /** A policy version from the schedule fields of a policy document (the targets are filled in). */
    static TierPolicy policy(int version, String scheduleFields) {
        String document = "{\"targets\": [{\"priority\": \"P1\", \"metric\": \"RESOLUTION\", \"target\": \"PT4H\"}]"
                + (scheduleFields.isBlank() ? "" : ", " + scheduleFields) + "}";
        PolicyTerms terms =
                PolicyTerms.parse(JSON.readValue(document, TierPolicyDocument.class), PriorityScheme.STANDARD);
        return new TierPolicy(GOLD, version, Instant.parse("2026-01-01T00:00:00Z"), "alice", terms);
    }

    /** Availability steps below 99.9 → 10 %, below 99 → 25 %, below 95 → 50 %, capped at 30 %. */
    static TierPolicy gold(String more) {
        return policy(3, """
                "credits": [{"availabilityBelow": 99.9, "creditPercent": 10},
                            {"availabilityBelow": 99, "creditPercent": 25},
                            {"availabilityBelow": 95, "creditPercent": 50}],
                "creditCapPercent": 30""" + (more.isBlank() ? "" : ", " + more));
    }

    static ContractTerms contract(String fee, String currency, String... services) {
        return new ContractTerms(
                GOLD,
                new CalendarId(UUID.fromString("00000000-0000-0000-0000-00000000c001")),
                LocalDate.parse("2026-01-01"),
                null,
                List.of(services),
                new BigDecimal(fee),
                Currency.getInstance(currency));
    }

    static MonitorFigures monitor(String name, String service, Duration measured, Duration downtime) {
        return new MonitorFigures(
                id(name),
                name,
                service,
                measured,
                Duration.ZERO,
                Duration.ZERO,
                downtime,
                List.of(name + "-down-1"),
                List.of(),
                List.of());
    }

    static MonitorFigures monitor(String name, Duration downtime) {
        return monitor(name, null, THIRTY_DAYS, downtime);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
