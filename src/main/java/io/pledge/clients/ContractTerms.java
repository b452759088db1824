package io.pledge.clients;

import io.pledge.calendar.CalendarId;
import io.pledge.core.Instants;
import io.pledge.core.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a contract says: the tier, the calendar targets are counted in unless a target has its own,
 * the dates it is in force (both inclusive, in the client's zone; no end date means open-ended), the
 * covered services (the scope) and the monthly fee.
 */
public record ContractTerms(
        TierId tier,
        CalendarId calendar,
        LocalDate startDate,
        LocalDate endDate,
        List<String> services,
        BigDecimal monthlyFee,
        Currency currency) {

    public ContractTerms {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(startDate, "startDate");
        services = List.copyOf(services);
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a contract cannot end before it starts");
        }
    }

    /** Whether the two periods share at least one date. */
    public boolean overlaps(ContractTerms other) {
        return !startDate.isAfter(other.endOrMax()) && !other.startDate.isAfter(endOrMax());
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endOrMax());
    }

    private LocalDate endOrMax() {
        return endDate == null ? LocalDate.MAX : endDate;
    }

    /**
     * Validates a contract document (references are checked for form only).
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     */
    public static ContractTerms parse(ContractDocument document) {
        Violations violations = new Violations();
        UUID tier = violations.parse("tierId", document.tierId(), "tier id", UUID::fromString);
        UUID calendar = violations.parse("calendarId", document.calendarId(), "calendar id", UUID::fromString);
        LocalDate start = violations.parse("startDate", document.startDate(), Instants.DATE_WHAT, Instants::parseDate);
        LocalDate end =
                violations.parseOptional("endDate", document.endDate(), Instants.DATE_WHAT, Instants::parseDate);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add("endDate", "ends on " + end + ", before its start date " + start);
        }
        LinkedHashSet<String> services = new LinkedHashSet<>();
        List<String> serviceValues = document.services() == null ? List.of() : document.services();
        for (int i = 0; i < serviceValues.size(); i++) {
            String service = violations.text("services[" + i + "]", serviceValues.get(i), 200);
            if (service != null && !services.add(service)) {
                violations.add("services[" + i + "]", "service \"" + service + "\" is listed twice");
            }
        }
        Currency currency = violations.parse("currency", document.currency(), "ISO 4217 currency code", code -> {
            if (!code.equals(code.toUpperCase())) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(code);
        });
        BigDecimal fee = document.monthlyFee();
        if (fee == null) {
            violations.add("monthlyFee", "is required");
        } else if (fee.signum() < 0) {
            violations.add("monthlyFee", "must not be negative, got " + fee);
        } else if (currency != null
                && fee.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            violations.add("monthlyFee", "has more decimals than " + currency.getCurrencyCode() + " allows: " + fee);
        } else if (fee.precision() - fee.scale() > 12) {
            violations.add("monthlyFee", "is too large: " + fee);
        }
        violations.throwIfAny();
        return new ContractTerms(
                new TierId(tier), new CalendarId(calendar), start, end, new ArrayList<>(services), fee, currency);
    }

    public ContractDocument toDocument() {
        return new ContractDocument(
                tier.toString(),
                calendar.toString(),
                startDate.toString(),
                endDate == null ? null : endDate.toString(),
                services,
                monthlyFee,
                currency.getCurrencyCode());
    }
}
