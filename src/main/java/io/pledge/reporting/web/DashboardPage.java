package io.pledge.reporting.web;

import io.pledge.core.Scope;
import io.pledge.reporting.Dashboards;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The service manager's dashboard: the page, and its figures as a fragment that htmx reloads every
 * {@code pledge.dashboard.poll} without reloading the page. The fragment carries an ETag (the figures'
 * version): a poll that finds the figures unchanged is answered 304 with no page rendered.
 */
@Controller
@Hidden
class DashboardPage {

    private final Dashboards dashboards;
    private final long pollSeconds;

    DashboardPage(Dashboards dashboards, @Value("${pledge.dashboard.poll:PT10S}") Duration poll) {
        this.dashboards = dashboards;
        this.pollSeconds = Math.max(1, poll.toSeconds());
    }

    @GetMapping("/dashboard")
    String page(Scope scope, @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("snapshot", dashboards.snapshot(scope));
        model.addAttribute("pollSeconds", pollSeconds);
        model.addAttribute("all", all);
        return "reporting/dashboard";
    }

    @GetMapping("/dashboard/figures")
    String figures(
            Scope scope,
            @RequestParam(defaultValue = "false") boolean all,
            WebRequest request,
            HttpServletResponse response,
            Model model) {
        Dashboards.Snapshot snapshot = dashboards.snapshot(scope);
        // The browser keeps the fragment and asks whether it changed (If-None-Match) at every poll.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (request.checkNotModified("\"" + snapshot.version() + "\"")) {
            return null;
        }
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("pollSeconds", pollSeconds);
        model.addAttribute("all", all);
        return "reporting/dashboard :: figures";
    }
}
