package io.pledge.reporting.web;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.reporting.ComplianceReport;
import io.pledge.reporting.ComplianceReports;
import io.pledge.reporting.Dashboard;
import io.pledge.reporting.Dashboards;
import io.pledge.reporting.ReportPeriod;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The client portal's home, where a client's contact lands after signing in: its client's figures now
 * (clocks breached and tickets at risk, monitors down: the dashboard's figures within the caller's scope)
 * and this month's (met % of first response and resolution, each monitor's availability against its
 * target, the credit owed or at risk: the compliance report of the month, as the reports page shows it).
 * Only a client's contacts open it: staff have the dashboard.
 */
@Controller
@Hidden
class PortalPage {

    private final Dashboards dashboards;
    private final ComplianceReports reports;
    private final Clients clients;

    PortalPage(Dashboards dashboards, ComplianceReports reports, Clients clients) {
        this.dashboards = dashboards;
        this.reports = reports;
        this.clients = clients;
    }

    @GetMapping("/portal")
    String page(Scope scope, Model model) {
        Client client = scope.client()
                .flatMap(id -> clients.find(new ClientId(id)))
                .orElseThrow(() -> new NotFoundException("client", scope));
        Dashboard figures = dashboards.snapshot(scope).figures();
        Dashboard.ClientLine line = figures.clients().stream()
                .filter(candidate -> candidate.id().equals(client.id().value()))
                .findFirst()
                .orElse(null);
        ComplianceReport month = reports.of(client.slug(), ReportPeriod.month(YearMonth.parse(figures.month())), scope);
        model.addAttribute("client", client);
        model.addAttribute("figures", figures);
        model.addAttribute("line", line);
        model.addAttribute("report", month);
        return "reporting/portal";
    }
}
