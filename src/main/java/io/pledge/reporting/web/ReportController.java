package io.pledge.reporting.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.reporting.ComplianceReport;
import io.pledge.reporting.ComplianceReports;
import io.pledge.reporting.Overview;
import io.pledge.reporting.Overviews;
import io.pledge.reporting.ReportPeriod;
import io.pledge.reporting.credits.CreditForecast;
import io.pledge.reporting.credits.CreditLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: JSON by default; {@code ?format=csv&table=<name>} gives one table as CSV.
 */
@RestController
@Tag(name = "Reports", description = "Compliance per client and the MSP-wide overview")
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private static final Map<String, Table<ComplianceReport>> COMPLIANCE_TABLES = new LinkedHashMap<>();
    private static final Map<String, Table<Overview>> OVERVIEW_TABLES = new LinkedHashMap<>();

    static {
        COMPLIANCE_TABLES.put("headline", new Table<>(ComplianceReport.Headline.class, ComplianceReport::headline));
        COMPLIANCE_TABLES.put("clocks", new Table<>(ComplianceReport.ClockLine.class, ComplianceReport::clocks));
        COMPLIANCE_TABLES.put("breaches", new Table<>(ComplianceReport.Breach.class, ComplianceReport::breaches));
        COMPLIANCE_TABLES.put(
                "openBreaches", new Table<>(ComplianceReport.OpenBreach.class, ComplianceReport::openBreaches));
        COMPLIANCE_TABLES.put("paused", new Table<>(ComplianceReport.PausedLine.class, ComplianceReport::paused));
        COMPLIANCE_TABLES.put(
                "outOfScope", new Table<>(ComplianceReport.OutOfScopeLine.class, ComplianceReport::outOfScope));
        COMPLIANCE_TABLES.put("monitors", new Table<>(ComplianceReport.MonitorLine.class, ComplianceReport::monitors));
        COMPLIANCE_TABLES.put(
                "credits",
                new Table<>(
                        CreditLine.class,
                        report -> report.credits() == null
                                ? List.of()
                                : report.credits().lines()));
        COMPLIANCE_TABLES.put(
                "creditAtRiskDowntime",
                new Table<>(
                        CreditForecast.DowntimeHeadroom.class,
                        report -> report.creditAtRisk() == null
                                ? List.of()
                                : report.creditAtRisk().downtime()));
        COMPLIANCE_TABLES.put(
                "creditAtRiskBreaches",
                new Table<>(
                        CreditForecast.BreachHeadroom.class,
                        report -> report.creditAtRisk() == null
                                ? List.of()
                                : report.creditAtRisk().breaches()));
        COMPLIANCE_TABLES.put(
                "policies",
                new Table<>(
                        ComplianceReport.PolicyRule.class,
                        report -> report.rules().policies()));
        OVERVIEW_TABLES.put("clients", new Table<>(Overview.ClientLine.class, Overview::clients));
        OVERVIEW_TABLES.put("tiers", new Table<>(Overview.TierLine.class, Overview::tiers));
    }

    private final ComplianceReports compliance;
    private final Overviews overviews;

    ReportController(ComplianceReports compliance, Overviews overviews) {
        this.compliance = compliance;
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/reports/compliance/{client}")
    @Operation(
            summary = "A client's compliance over a month (period=2026-10), a quarter (period=2026-Q3) or days"
                    + " (from, to: dates, both included), in the client's zone; format=csv&table=<name> for one"
                    + " table as CSV (headline, clocks, breaches, openBreaches, paused, outOfScope, monitors,"
                    + " credits, creditAtRiskDowntime, creditAtRiskBreaches, policies)")
    ResponseEntity<?> compliance(
            @PathVariable String client,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            Scope scope) {
        boolean csv = csv(format);
        Table<ComplianceReport> chosen = csv ? table(COMPLIANCE_TABLES, table) : null;
        ComplianceReport report = compliance.of(client, ReportPeriod.parse(period, from, to), scope);
        return csv
                ? chosen.csv(
                        report, report.client().slug() + "-" + report.period().label())
                : ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/reports/overview")
    @Operation(
            summary = "Every client and tier over a period (as for compliance), most at risk first;"
                    + " format=csv&table=clients|tiers for one table as CSV")
    ResponseEntity<?> overview(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            Scope scope) {
        boolean csv = csv(format);
        Table<Overview> chosen = csv ? table(OVERVIEW_TABLES, table) : null;
        Overview overview = overviews.of(ReportPeriod.parse(period, from, to), scope);
        return csv ? chosen.csv(overview, "overview-" + overview.period()) : ResponseEntity.ok(overview);
    }

    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new InvalidRequestException("format", "must be json or csv");
    }

    private static <R> Table<R> table(Map<String, Table<R>> tables, String name) {
        if (name == null || !tables.containsKey(name)) {
            throw new InvalidRequestException("table", "with format=csv, one of " + String.join(", ", tables.keySet()));
        }
        return tables.get(name);
    }

    private record Table<R>(Class<? extends Record> type, Function<R, List<? extends Record>> rows) {

        ResponseEntity<String> csv(R report, String name) {
            String file = (name + "-" + type.getSimpleName()).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .body(CsvTable.of(type, rows.apply(report)));
        }
    }
}
