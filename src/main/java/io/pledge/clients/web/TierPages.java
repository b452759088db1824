package io.pledge.clients.web;

import io.pledge.calendar.Calendars;
import io.pledge.calendar.StoredCalendar;
import io.pledge.clients.CreditsPer;
import io.pledge.clients.Tier;
import io.pledge.clients.TierCatalog;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.NotFoundException;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.Confirmation;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.core.web.pages.PageFormats;
import io.pledge.sla.Metric;
import io.pledge.sla.PriorityChangeRule;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.ReopenRule;
import io.pledge.sla.TicketStatus;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tiers' pages: the list, a tier with its current policy and the history of its versions, one version,
 * the comparison of two versions side by side (the lines that differ marked), and the forms that create a
 * tier, save its next policy version, rename it, and delete it after a confirmation. They write through
 * {@link TierCatalog}, as {@code POST /api/v1/tiers}, {@code POST /api/v1/tiers/{id}/policies},
 * {@code PUT} and {@code DELETE /api/v1/tiers/{id}} do, and show its violations next to the field they name
 * (a tier some contracts use is not deleted: the confirmation shows why, with the API's 409).
 */
@Controller
@Hidden
class TierPages {

    /** The statuses a policy may pause a clock in (a resolved or closed ticket's clock has stopped). */
    static final List<String> PAUSABLE = Arrays.stream(TicketStatus.values())
            .filter(s -> s != TicketStatus.RESOLVED && s != TicketStatus.CLOSED)
            .map(Enum::name)
            .toList();

    /** The form's fields besides the targets grid, whose errors are shown next to them. */
    private static final List<String> FIELDS = List.of(
            "name",
            "description",
            "targets",
            "thresholds",
            "warnBefore",
            "pauseStatuses",
            "reopenRule",
            "priorityChangeRule",
            "uptimeTarget",
            "credits",
            "creditsPer",
            "ticketCredits",
            "creditCapPercent");

    private final Tiers tiers;
    private final TierCatalog catalog;
    private final Calendars calendars;
    private final PriorityScheme priorities;
    private final PageAccess access;
    private final MessageSource messages;
    private final ZoneId zone;

    TierPages(
            Tiers tiers,
            TierCatalog catalog,
            Calendars calendars,
            PriorityScheme priorities,
            PageAccess access,
            MessageSource messages,
            @Value("${pledge.pages.zone:UTC}") ZoneId zone) {
        this.tiers = tiers;
        this.catalog = catalog;
        this.calendars = calendars;
        this.priorities = priorities;
        this.access = access;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/tiers")
    String list(Model model) {
        model.addAttribute("tiers", tiers.all());
        model.addAttribute("canEdit", access.allows("/tiers/new"));
        return "clients/tiers";
    }

    @GetMapping("/tiers/{id}")
    String tier(@PathVariable UUID id, Locale locale, Model model) {
        Tier tier = find(id);
        List<TierPolicy> versions = tiers.versions(tier.id());
        model.addAttribute("tier", tier);
        model.addAttribute("versions", newestFirst(versions));
        model.addAttribute(
                "lines", lines(locale).of(tier.currentPolicy().terms().toDocument()));
        int latest = tier.currentPolicy().version();
        model.addAttribute("from", Math.max(1, latest - 1));
        model.addAttribute("to", latest);
        model.addAttribute("canEdit", access.allows("/tiers/" + id + "/policies/new"));
        model.addAttribute("canRename", access.allows("/tiers/" + id + "/edit"));
        model.addAttribute("canDelete", access.allows("/tiers/" + id + "/delete"));
        return "clients/tier";
    }

    @GetMapping("/tiers/{id}/policies/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Locale locale, Model model) {
        Tier tier = find(id);
        TierPolicy policy = version(tier, version);
        model.addAttribute("tier", tier);
        model.addAttribute("policy", policy);
        model.addAttribute("lines", lines(locale).of(policy.terms().toDocument()));
        return "clients/policy";
    }

    @GetMapping("/tiers/{id}/diff")
    String diff(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Locale locale,
            Model model) {
        Tier tier = find(id);
        int latest = tier.currentPolicy().version();
        TierPolicy left = version(tier, from == null ? Math.max(1, latest - 1) : from);
        TierPolicy right = version(tier, to == null ? latest : to);
        List<PolicyLines.Pair> pairs =
                lines(locale).compare(left.terms().toDocument(), right.terms().toDocument());
        model.addAttribute("tier", tier);
        model.addAttribute("versions", newestFirst(tiers.versions(tier.id())));
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("pairs", pairs);
        model.addAttribute(
                "changes", pairs.stream().filter(PolicyLines.Pair::changed).count());
        return "clients/diff";
    }

    @GetMapping("/tiers/new")
    String newTier(Model model) {
        return form(PolicyForm.empty(), null, model);
    }

    @PostMapping("/tiers/new")
    String create(
            @ModelAttribute("form") PolicyForm form,
            @RequestParam MultiValueMap<String, String> fields,
            Principal author,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        form.read(fields, priorities);
        Tier[] created = new Tier[1];
        boolean done = FormErrors.attempt(model, messages, locale, form::toFormField, () -> {
            Violations violations = new Violations();
            TierPolicyDocument document = form.toDocument(priorities, violations);
            violations.throwIfAny();
            created[0] = catalog.create(form.getName(), form.getDescription(), document, author.getName());
        });
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, null, model);
        }
        redirect.addFlashAttribute("notice", "tier.created");
        return "redirect:/tiers/" + created[0].id();
    }

    @GetMapping("/tiers/{id}/policies/new")
    String newVersion(@PathVariable UUID id, Model model) {
        Tier tier = find(id);
        return form(PolicyForm.of(tier.currentPolicy().terms().toDocument()), tier, model);
    }

    @PostMapping("/tiers/{id}/policies/new")
    String revise(
            @PathVariable UUID id,
            @ModelAttribute("form") PolicyForm form,
            @RequestParam MultiValueMap<String, String> fields,
            Principal author,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Tier tier = find(id);
        form.read(fields, priorities);
        TierPolicy[] saved = new TierPolicy[1];
        boolean done = FormErrors.attempt(model, messages, locale, form::toFormField, () -> {
            Violations violations = new Violations();
            TierPolicyDocument document = form.toDocument(priorities, violations);
            violations.throwIfAny();
            saved[0] = catalog.revise(tier.id(), document, author.getName());
        });
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, tier, model);
        }
        redirect.addFlashAttribute("notice", "tier.revised");
        return "redirect:/tiers/" + id + "/diff?from=" + (saved[0].version() - 1) + "&to=" + saved[0].version();
    }

    @GetMapping("/tiers/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Tier tier = find(id);
        return renameForm(tier, tier.name(), tier.description(), model);
    }

    @PostMapping("/tiers/{id}/edit")
    String rename(
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Tier tier = find(id);
        if (!FormErrors.attempt(model, messages, locale, () -> catalog.rename(tier.id(), name, description))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renameForm(tier, name, description, model);
        }
        redirect.addFlashAttribute("notice", "tier.renamed");
        return "redirect:/tiers/" + id;
    }

    @GetMapping("/tiers/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        return deletion(find(id)).show(model);
    }

    @PostMapping("/tiers/{id}/delete")
    String delete(
            @PathVariable UUID id,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Tier tier = find(id);
        Confirmation confirmation = deletion(tier);
        if (!confirmation.attempt(model, messages, locale, response, () -> catalog.remove(tier.id()))) {
            return confirmation.show(model);
        }
        redirect.addFlashAttribute("notice", "tier.deleted");
        redirect.addFlashAttribute("noticeArgument", tier.name());
        return "redirect:/tiers";
    }

    private static Confirmation deletion(Tier tier) {
        return new Confirmation(
                "tier.delete.title",
                "tier.delete.question",
                tier.name(),
                "/tiers/" + tier.id() + "/delete",
                "/tiers/" + tier.id(),
                "tier.delete");
    }

    private String renameForm(Tier tier, String name, String description, Model model) {
        model.addAttribute("tier", tier);
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        return "clients/tier-form";
    }

    private String form(PolicyForm form, Tier tier, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("tier", tier);
        Map<String, String> names = new LinkedHashMap<>();
        priorities.displayNames().forEach((priority, name) -> names.put(priority.code(), name));
        model.addAttribute("priorities", names);
        List<String> shown = new java.util.ArrayList<>(FIELDS);
        for (String code : names.keySet()) {
            for (Metric metric : Metric.values()) {
                shown.add("target." + code + "." + metric.name());
                shown.add("calendar." + code + "." + metric.name());
            }
        }
        model.addAttribute("shownFields", shown);
        model.addAttribute(
                "metrics", Arrays.stream(Metric.values()).map(Enum::name).toList());
        model.addAttribute("calendarChoices", calendars.all());
        model.addAttribute("pausable", PAUSABLE);
        model.addAttribute(
                "reopenRules",
                Arrays.stream(ReopenRule.values()).map(Enum::name).toList());
        model.addAttribute(
                "priorityChangeRules",
                Arrays.stream(PriorityChangeRule.values()).map(Enum::name).toList());
        model.addAttribute(
                "creditBases",
                Arrays.stream(CreditsPer.values()).map(Enum::name).toList());
        return "clients/policy-form";
    }

    private PolicyLines lines(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (StoredCalendar calendar : calendars.all()) {
            names.put(calendar.id().toString(), calendar.definition().name());
        }
        return new PolicyLines(messages, locale, new PageFormats(locale, zone, messages), priorities, names);
    }

    private static List<TierPolicy> newestFirst(List<TierPolicy> versions) {
        List<TierPolicy> reversed = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private Tier find(UUID id) {
        return tiers.find(new TierId(id)).orElseThrow(() -> new NotFoundException("tier", id));
    }

    private TierPolicy version(Tier tier, int version) {
        return tiers.version(tier.id(), version)
                .orElseThrow(() -> new NotFoundException("policy version " + version + " of tier", tier.id()));
    }
}
