package io.pledge.advisor.web;

import io.pledge.advisor.AdvisorReport;
import io.pledge.advisor.TargetAdvisor;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.Tiers;
import io.pledge.core.Scope;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageFormats;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The target advisor's page: the same {@link TargetAdvisor} as {@code /api/v1/advisor}, with a form for the
 * period, tier, client and compliance level, and per line two charts drawn on the server: the distribution
 * against the target and the goal, and met % per month.
 */
@Controller
@Hidden
class AdvisorPage {

    private final TargetAdvisor advisor;
    private final Tiers tiers;
    private final Clients clients;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    AdvisorPage(
            TargetAdvisor advisor,
            Tiers tiers,
            Clients clients,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone) {
        this.advisor = advisor;
        this.tiers = tiers;
        this.clients = clients;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** One line of the advice with its two charts. */
    record LineView(AdvisorReport.Line line, String distribution, String months) {}

    @GetMapping("/advisor")
    String page(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String compliance,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate lastQuarter = today.minusMonths(3);
        String asked = blank(period)
                ? lastQuarter.getYear() + "-Q" + lastQuarter.get(IsoFields.QUARTER_OF_YEAR)
                : period.strip();
        String level = blank(compliance) ? TargetAdvisor.DEFAULT_COMPLIANCE.toPlainString() : compliance.strip();
        model.addAttribute("period", asked);
        model.addAttribute("tier", blank(tier) ? null : tier.strip());
        model.addAttribute("client", blank(client) ? null : client.strip());
        model.addAttribute("compliance", level);
        model.addAttribute(
                "tiers",
                tiers.all().stream().sorted(Comparator.comparing(Tier::name)).toList());
        model.addAttribute(
                "clients",
                clients.all().stream()
                        .filter(c -> scope.includes(c.id().value()))
                        .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                        .toList());
        AtomicReference<AdvisorReport> report = new AtomicReference<>();
        boolean read = FormErrors.attempt(
                model,
                messages,
                locale,
                () -> report.set(advisor.advise(
                        asked, null, null, blank(tier) ? null : tier, blank(client) ? null : client, level, scope)));
        if (!read) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "advisor/advisor";
        }
        PageFormats fmt = new PageFormats(locale, zone, messages);
        List<LineView> lines = new ArrayList<>();
        for (AdvisorReport.Line line : report.get().lines()) {
            String what = (line.tier() == null ? "" : line.tier() + " ") + line.priority() + " "
                    + messages.getMessage("metric." + line.metric(), null, line.metric(), locale);
            AdvisorCharts.Labels labels = new AdvisorCharts.Labels(
                    messages.getMessage("advisor.chart.target", null, locale),
                    messages.getMessage("advisor.chart.goal", null, locale),
                    messages.getMessage("advisor.chart.no-clock", null, locale),
                    messages.getMessage("advisor.chart.distribution", new Object[] {what}, locale),
                    fmt::duration,
                    fmt::percent);
            lines.add(new LineView(
                    line,
                    AdvisorCharts.distribution(line, labels),
                    AdvisorCharts.months(
                            line.months(),
                            messages.getMessage("advisor.chart.months", new Object[] {what}, locale),
                            fmt::percent)));
        }
        model.addAttribute("report", report.get());
        model.addAttribute("lines", lines);
        return "advisor/advisor";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
