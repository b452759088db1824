package io.pledge.clients.web;

import io.pledge.calendar.BusinessDayRule;
import io.pledge.clients.ContractSheet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A client's terms as {@code GET /api/v1/clients/{client}/terms} answers them: the client portal's contract
 * page as JSON. Durations are ISO-8601 business time in the calendar named; dates are the client's.
 */
record TermsView(
        Instant at,
        ContractSheet.ClientLine client,
        ContractSheet.ContractLine contract,
        ContractSheet.TierLine tier,
        List<TargetsView> targets,
        BigDecimal uptimeTarget,
        List<AvailabilityCredit> availabilityCredits,
        List<TicketCredit> ticketCredits,
        BigDecimal creditCapPercent,
        ContractSheet.CalendarLine calendar) {

    /**
     * One priority's first response and resolution targets (null when none), and their own calendars: an
     * ISO-8601 duration, or a business-day target ({@code firstResponseBusinessDays},
     * {@code resolutionBusinessDays}, as policies write them).
     */
    record TargetsView(
            String priority,
            String label,
            String firstResponse,
            String firstResponseCalendar,
            String resolution,
            String resolutionCalendar,
            BusinessDayRule.Document firstResponseBusinessDays,
            BusinessDayRule.Document resolutionBusinessDays) {}

    /** Availability below a figure: a share of the monthly fee credited. */
    record AvailabilityCredit(BigDecimal availabilityBelow, BigDecimal creditPercent) {}

    /** A priority's metric met below a figure: a share of the monthly fee credited. */
    record TicketCredit(String metric, String priority, BigDecimal metBelow, BigDecimal creditPercent) {}

    static TermsView of(ContractSheet sheet) {
        return new TermsView(
                sheet.at(),
                sheet.client(),
                sheet.contract(),
                sheet.tier(),
                sheet.targets().stream()
                        .map(line -> new TargetsView(
                                line.priority(),
                                line.label(),
                                iso(line.firstResponse()),
                                line.firstResponseCalendar(),
                                iso(line.resolution()),
                                line.resolutionCalendar(),
                                document(line.firstResponseDays()),
                                document(line.resolutionDays())))
                        .toList(),
                sheet.uptimeTarget(),
                sheet.availabilityCredits().stream()
                        .map(step -> new AvailabilityCredit(step.availabilityBelow(), step.creditPercent()))
                        .toList(),
                sheet.ticketCredits().stream()
                        .map(step -> new TicketCredit(
                                step.metric().name(),
                                step.priority() == null ? null : step.priority().code(),
                                step.metBelow(),
                                step.creditPercent()))
                        .toList(),
                sheet.creditCapPercent(),
                sheet.calendar());
    }

    private static BusinessDayRule.Document document(BusinessDayRule rule) {
        return rule == null ? null : rule.toDocument();
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
