package io.pledge.advisor.web;

import io.pledge.advisor.Proposal;
import io.pledge.advisor.Proposals;
import io.pledge.advisor.Replay;
import io.pledge.advisor.WhatIfReplays;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageFormats;
import io.pledge.reporting.ReportPeriod;
import io.pledge.sla.Metric;
import io.pledge.sla.PriorityScheme;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if page: a tier, a period and optionally some clients; a proposed policy started from the one in
 * force (or a saved proposal), its targets in a grid and its whole document as JSON; the replay through the same
 * {@link WhatIfReplays} as {@code /api/v1/what-if}, side by side with the policies in force, with a chart of met
 * % per priority; the tier's saved proposals, compared over the same period, and adopted as the tier's next
 * policy version once confirmed.
 */
@Controller
@Hidden
class WhatIfPage {

    /** At most this many changed clocks are listed on the page (the replay counts them all). */
    static final int CHANGES_LISTED = 100;

    private final WhatIfReplays replays;
    private final Proposals proposals;
    private final Tiers tiers;
    private final Clients clients;
    private final PriorityScheme priorities;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    WhatIfPage(
            WhatIfReplays replays,
            Proposals proposals,
            Tiers tiers,
            Clients clients,
            PriorityScheme priorities,
            MessageSource messages,
            JsonMapper json,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone) {
        this.replays = replays;
        this.proposals = proposals;
        this.tiers = tiers;
        this.clients = clients;
        this.priorities = priorities;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** One proposal compared: its replay's lines per priority, beside the policies in force. */
    record Compared(Proposal proposal, Replay replay) {}

    /** What the page was asked: the tier, the period as typed and the clients chosen. */
    record Choice(Tier tier, String period, List<String> clients) {}

    @GetMapping("/what-if")
    String page(
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> clients,
            @RequestParam(required = false) String proposal,
            @RequestParam(required = false) List<String> compare,
            @RequestParam(required = false) Integer adopted,
            Scope scope,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Optional<Proposal> opened =
                Optional.ofNullable(blank(proposal) ? null : uuid(proposal)).flatMap(proposals::find);
        Optional<Tier> chosen = opened.map(Proposal::tier)
                .or(() -> Optional.ofNullable(blank(tier) ? null : uuid(tier)).map(TierId::new))
                .flatMap(tiers::find)
                .or(() -> sortedTiers().stream().findFirst());
        if (chosen.isEmpty()) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("noTier", true);
            return "advisor/what-if";
        }
        Choice choice = new Choice(chosen.get(), period(period), clean(clients));
        TierPolicyDocument policy = opened.map(p -> p.terms().toDocument())
                .orElse(choice.tier().currentPolicy().terms().toDocument());
        WhatIfForm form = WhatIfForm.of(policy, json);
        model.addAttribute("opened", opened.orElse(null));
        model.addAttribute("adopted", adopted);
        boolean ok = FormErrors.attempt(model, messages, locale, () -> {
            ReportPeriod parsed = ReportPeriod.parse(choice.period(), null, null);
            List<Client> picked = picked(choice.clients(), scope);
            if (opened.isPresent()) {
                Proposal p = opened.get();
                model.addAttribute("replay", replays.replay(choice.tier(), p.terms(), p.id(), parsed, picked, scope));
            }
            model.addAttribute("compared", compared(choice.tier(), compare, parsed, picked, scope));
        });
        if (!ok) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return render(choice, form, scope, locale, model);
    }

    @PostMapping("/what-if")
    String post(
            @RequestParam MultiValueMap<String, String> fields,
            Scope scope,
            Principal author,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Optional<Tier> chosen = Optional.ofNullable(fields.getFirst("tier"))
                .filter(t -> !t.isBlank())
                .map(WhatIfPage::uuid)
                .map(TierId::new)
                .flatMap(tiers::find);
        if (chosen.isEmpty()) {
            throw new UnprocessableException("tier", "unknown tier " + fields.getFirst("tier"));
        }
        Choice choice = new Choice(chosen.get(), period(fields.getFirst("period")), clean(fields.get("clients")));
        WhatIfForm form = WhatIfForm.read(fields, priorities);
        boolean save = "save".equals(fields.getFirst("action"));
        Proposal[] saved = new Proposal[1];
        boolean ok = FormErrors.attempt(model, messages, locale, form::toFormField, () -> {
            Violations violations = new Violations();
            ReportPeriod parsed = period(choice.period(), violations);
            String name = save ? violations.text("name", fields.getFirst("name"), 200) : null;
            TierPolicyDocument document = form.toDocument(priorities, json, violations);
            violations.throwIfAny();
            PolicyTerms terms = replays.terms(document, "policy.");
            List<Client> picked = picked(choice.clients(), scope);
            if (save) {
                saved[0] = replays.propose(choice.tier().id(), name, terms, author.getName());
            } else {
                model.addAttribute("replay", replays.replay(choice.tier(), terms, null, parsed, picked, scope));
            }
        });
        if (ok && saved[0] != null) {
            return "redirect:" + address(choice, saved[0].id());
        }
        if (!ok) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("name", fields.getFirst("name"));
        return render(choice, form, scope, locale, model);
    }

    @PostMapping("/what-if/proposals/{id}/adopt")
    String adopt(
            @PathVariable String id,
            @RequestParam(required = false) String confirm,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> clients,
            Scope scope,
            Principal author,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Proposal proposal =
                proposals.find(uuid(id)).orElseThrow(() -> new UnprocessableException("id", "unknown proposal " + id));
        Tier tier = tiers.find(proposal.tier()).orElseThrow();
        Choice choice = new Choice(tier, period(period), clean(clients));
        TierPolicy[] version = new TierPolicy[1];
        boolean ok = FormErrors.attempt(
                model, messages, locale, v -> new Violation("confirm-" + proposal.id(), v.message()), () -> {
                    if (!"yes".equals(confirm)) {
                        throw new InvalidRequestException("confirm", "must be ticked to adopt the proposal");
                    }
                    version[0] = replays.adopt(proposal.id(), author.getName());
                });
        if (ok) {
            return "redirect:"
                    + UriComponentsBuilder.fromUriString(address(choice, null))
                            .queryParam("adopted", version[0].version())
                            .build()
                            .toUriString();
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(choice, WhatIfForm.of(tier.currentPolicy().terms().toDocument(), json), scope, locale, model);
    }

    private String render(Choice choice, WhatIfForm form, Scope scope, Locale locale, Model model) {
        model.addAttribute("tier", choice.tier());
        model.addAttribute("period", choice.period());
        model.addAttribute("chosenClients", choice.clients());
        model.addAttribute("form", form);
        model.addAttribute("tiers", sortedTiers());
        model.addAttribute(
                "clients",
                clients.all().stream()
                        .filter(c -> scope.includes(c.id().value()))
                        .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                        .toList());
        Map<String, String> names = new LinkedHashMap<>();
        priorities.displayNames().forEach((priority, name) -> names.put(priority.code(), name));
        model.addAttribute("priorities", names);
        model.addAttribute("metrics", List.of(Metric.values()));
        List<Proposal> saved = proposals.all().stream()
                .filter(p -> p.tier().equals(choice.tier().id()))
                .toList();
        model.addAttribute("saved", saved);
        List<String> shown = new ArrayList<>(List.of("tier", "period", "clients", "document", "name"));
        names.keySet().forEach(p -> List.of(Metric.values()).forEach(m -> shown.add("target." + p + "." + m)));
        saved.forEach(p -> shown.add("confirm-" + p.id()));
        model.addAttribute("shownFields", shown);
        if (model.getAttribute("replay") instanceof Replay replay) {
            model.addAttribute(
                    "changes",
                    replay.changes()
                            .subList(
                                    0, Math.min(CHANGES_LISTED, replay.changes().size())));
            model.addAttribute("chart", chart(replay, locale));
        }
        return "advisor/what-if";
    }

    private String chart(Replay replay, Locale locale) {
        PageFormats fmt = new PageFormats(locale, zone, messages);
        return WhatIfCharts.metPercent(
                replay.priorities(),
                new WhatIfCharts.Labels(
                        messages.getMessage("what-if.chart.title", new Object[] {replay.tier()}, locale),
                        messages.getMessage("what-if.chart.actual", null, locale),
                        messages.getMessage("what-if.chart.proposed", null, locale),
                        messages.getMessage("what-if.chart.none", null, locale),
                        line -> line.priority() + " · "
                                + messages.getMessage("metric." + line.metric(), null, line.metric(), locale),
                        fmt::percent));
    }

    private List<Compared> compared(
            Tier tier, List<String> ids, ReportPeriod period, List<Client> picked, Scope scope) {
        List<Compared> compared = new ArrayList<>();
        List<String> chosen = clean(ids);
        for (int i = 0; i < chosen.size(); i++) {
            int index = i;
            Proposal proposal = proposals
                    .find(uuid(chosen.get(i)))
                    .filter(p -> p.tier().equals(tier.id()))
                    .orElseThrow(() -> new UnprocessableException(
                            "compare[" + index + "]", "is no saved proposal of tier " + tier.name()));
            compared.add(new Compared(
                    proposal, replays.replay(tier, proposal.terms(), proposal.id(), period, picked, scope)));
        }
        return compared;
    }

    private List<Client> picked(List<String> references, Scope scope) {
        List<Client> picked = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            int index = i;
            picked.add(clients.findByReference(reference, scope)
                    .orElseThrow(
                            () -> new UnprocessableException("clients", "unknown client " + references.get(index))));
        }
        return picked;
    }

    private String address(Choice choice, UUID proposal) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/what-if")
                .queryParam("tier", choice.tier().id().value())
                .queryParam("period", choice.period());
        choice.clients().forEach(c -> uri.queryParam("clients", c));
        if (proposal != null) {
            uri.queryParam("proposal", proposal);
        }
        return uri.encode().build().toUriString();
    }

    private List<Tier> sortedTiers() {
        return tiers.all().stream().sorted(Comparator.comparing(Tier::name)).toList();
    }

    /** The period asked, else the last quarter over in the pages' zone. */
    private String period(String asked) {
        if (!blank(asked)) {
            return asked.strip();
        }
        LocalDate lastQuarter = LocalDate.ofInstant(clock.instant(), zone).minusMonths(3);
        return lastQuarter.getYear() + "-Q" + lastQuarter.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static ReportPeriod period(String period, Violations violations) {
        try {
            return ReportPeriod.parse(period, null, null);
        } catch (InvalidRequestException bad) {
            bad.violations().forEach(v -> violations.add(v.field(), v.message()));
            return null;
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException bad) {
            throw new InvalidRequestException("id", "must be a UUID, got \"" + value.strip() + "\"");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
