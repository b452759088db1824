package io.pledge.alerts.web;

import io.pledge.alerts.Delivery;
import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.Escalations;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Tier;
import io.pledge.clients.Tiers;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.sla.Metric;
import io.pledge.sla.PriorityScheme;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Escalation rules and their deliveries: the rules in force, a rule's versions, the form that creates or
 * revises one (the API's rule document, checked by {@link Escalations}, its violations next to their
 * fields), retiring a rule, and the deliveries by state with their attempts and last error, a dead one
 * put back in line by {@link Escalations#retry}, as {@code POST /api/v1/deliveries/{id}/retry} does.
 */
@Controller
@Hidden
class EscalationPages {

    private static final int DELIVERIES_SHOWN = 100;

    private final Escalations escalations;
    private final Tiers tiers;
    private final Clients clients;
    private final PriorityScheme priorities;
    private final PageAccess access;
    private final MessageSource messages;

    EscalationPages(
            Escalations escalations,
            Tiers tiers,
            Clients clients,
            PriorityScheme priorities,
            PageAccess access,
            MessageSource messages) {
        this.escalations = escalations;
        this.tiers = tiers;
        this.clients = clients;
        this.priorities = priorities;
        this.access = access;
        this.messages = messages;
    }

    /** A rule's line: its current version, and the names of the tier and client it matches. */
    record RuleLine(EscalationRule rule, String tier, String client) {

        /** The threshold as a percentage of the target, null for a lead before due or a monitor rule. */
        public BigDecimal percentOfTarget() {
            return rule.threshold() == null || rule.threshold().ratio() == null
                    ? null
                    : rule.threshold().ratio().movePointRight(2);
        }

        /** The threshold's lead before due, null when it has none. */
        public Duration beforeDue() {
            return rule.threshold() == null ? null : rule.threshold().beforeDue();
        }
    }

    @GetMapping("/escalations")
    String list(Model model) {
        Map<UUID, String> tierNames = tierNames();
        Map<UUID, Client> byId = clientsById();
        model.addAttribute(
                "rules",
                escalations.current().stream()
                        .sorted(Comparator.comparing(EscalationRule::name, String.CASE_INSENSITIVE_ORDER))
                        .map(rule -> line(rule, tierNames, byId))
                        .toList());
        model.addAttribute("canCreate", access.allows("/escalations/new"));
        model.addAttribute("canSeeDeliveries", access.allows("/deliveries"));
        return "alerts/escalations";
    }

    @GetMapping("/escalations/{id}")
    String versions(@PathVariable UUID id, Model model) {
        List<EscalationRule> versions = escalations.versions(id);
        Map<UUID, String> tierNames = tierNames();
        Map<UUID, Client> byId = clientsById();
        List<RuleLine> lines = new ArrayList<>(
                versions.stream().map(rule -> line(rule, tierNames, byId)).toList());
        Collections.reverse(lines);
        RuleLine current = lines.get(0);
        model.addAttribute("versions", lines);
        model.addAttribute("current", current);
        model.addAttribute("canEdit", current.rule().active() && access.allows("/escalations/" + id + "/edit"));
        model.addAttribute("canRetire", current.rule().active() && access.allows("/escalations/" + id + "/retire"));
        return "alerts/escalation";
    }

    @GetMapping("/escalations/new")
    String newRule(Model model) {
        return form(EscalationForm.empty(), null, model);
    }

    @PostMapping("/escalations/new")
    String create(
            @ModelAttribute("ruleForm") EscalationForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EscalationRule[] saved = new EscalationRule[1];
        if (!FormErrors.attempt(model, messages, locale, () -> saved[0] = escalations.create(form.document()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, null, model);
        }
        redirect.addFlashAttribute("notice", "escalation.created");
        if (saved[0].action() == EscalationRule.Action.WEBHOOK
                && form.document().secret() == null) {
            redirect.addFlashAttribute("secret", saved[0].secret());
        }
        return "redirect:/escalations/" + saved[0].id();
    }

    @GetMapping("/escalations/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        EscalationRule current = latest(id);
        String slug = current.clientId() == null
                ? null
                : clients.find(current.clientId()).map(Client::slug).orElse(null);
        return form(EscalationForm.of(current, slug), current, model);
    }

    @PostMapping("/escalations/{id}/edit")
    String revise(
            @PathVariable UUID id,
            @ModelAttribute("ruleForm") EscalationForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EscalationRule current = latest(id);
        if (!FormErrors.attempt(model, messages, locale, () -> escalations.revise(id, form.document()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, current, model);
        }
        redirect.addFlashAttribute("notice", "escalation.revised");
        return "redirect:/escalations/" + id;
    }

    @PostMapping("/escalations/{id}/retire")
    String retire(@PathVariable UUID id, RedirectAttributes redirect) {
        escalations.retire(id);
        redirect.addFlashAttribute("notice", "escalation.retired.notice");
        return "redirect:/escalations";
    }

    /** Deliveries in a state (dead by default, as the API), newest first. */
    @GetMapping("/deliveries")
    String deliveries(@RequestParam(required = false) String state, Model model) {
        Delivery.State shown = Arrays.stream(Delivery.State.values())
                .filter(s -> s.name().equalsIgnoreCase(state))
                .findFirst()
                .orElse(Delivery.State.DEAD);
        return deliveries(shown, model);
    }

    @PostMapping("/deliveries/{id}/retry")
    String retry(
            @PathVariable UUID id,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!FormErrors.attempt(model, messages, locale, () -> escalations.retry(id))) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return deliveries(Delivery.State.DEAD, model);
        }
        redirect.addFlashAttribute("notice", "delivery.retried");
        return "redirect:/deliveries";
    }

    /** A delivery's line: the name of the rule that owes it, when that rule is still in force. */
    record DeliveryLine(Delivery delivery, String rule) {}

    private String deliveries(Delivery.State state, Model model) {
        Map<UUID, String> ruleNames = escalations.current().stream()
                .collect(Collectors.toMap(EscalationRule::id, EscalationRule::name, (a, b) -> a));
        model.addAttribute("state", state);
        model.addAttribute("states", Delivery.State.values());
        model.addAttribute(
                "deliveries",
                escalations.deliveries(state, DELIVERIES_SHOWN).stream()
                        .map(d -> new DeliveryLine(d, ruleNames.get(d.ruleId())))
                        .toList());
        model.addAttribute("limit", DELIVERIES_SHOWN);
        model.addAttribute("canRetry", access.allows("/deliveries/any/retry"));
        return "alerts/deliveries";
    }

    private EscalationRule latest(UUID id) {
        List<EscalationRule> versions = escalations.versions(id);
        return versions.get(versions.size() - 1);
    }

    private String form(EscalationForm form, EscalationRule current, Model model) {
        model.addAttribute("ruleForm", form);
        model.addAttribute("rule", current);
        model.addAttribute("fields", EscalationForm.FIELDS);
        Map<String, List<Choice>> choices = new LinkedHashMap<>();
        choices.put(
                "firesOn",
                Arrays.stream(EscalationRule.FiresOn.values())
                        .map(o -> Choice.keyed(o.name(), "escalation.fires-on." + o))
                        .toList());
        choices.put(
                "tierId",
                anyAnd(tiers.all().stream()
                        .sorted(Comparator.comparing(Tier::name))
                        .map(t -> Choice.named(t.id().value().toString(), t.name()))));
        choices.put(
                "priority",
                anyAnd(priorities.displayNames().entrySet().stream()
                        .map(e -> Choice.named(e.getKey().code(), e.getKey().code() + " " + e.getValue()))));
        choices.put(
                "metric",
                anyAnd(Arrays.stream(Metric.values()).map(m -> Choice.keyed(m.name(), "escalation.metric." + m))));
        choices.put(
                "client",
                anyAnd(clients.all().stream()
                        .sorted(Comparator.comparing(Client::name))
                        .map(c -> Choice.named(c.slug(), c.name() + " (" + c.slug() + ")"))));
        choices.put(
                "action",
                Arrays.stream(EscalationRule.Action.values())
                        .map(a -> Choice.keyed(a.name(), "escalation.action." + a))
                        .toList());
        model.addAttribute("choices", choices);
        return "alerts/escalation-form";
    }

    /** An option of a select: its value, and the message key of its text or the text itself. */
    record Choice(String value, String key, String text) {

        static Choice keyed(String value, String key) {
            return new Choice(value, key, null);
        }

        static Choice named(String value, String text) {
            return new Choice(value, null, text);
        }
    }

    private static List<Choice> anyAnd(java.util.stream.Stream<Choice> choices) {
        List<Choice> all = new ArrayList<>();
        all.add(Choice.keyed("", "escalation.any"));
        choices.forEach(all::add);
        return all;
    }

    private static RuleLine line(EscalationRule rule, Map<UUID, String> tierNames, Map<UUID, Client> byId) {
        Client client =
                rule.clientId() == null ? null : byId.get(rule.clientId().value());
        return new RuleLine(
                rule,
                rule.tierId() == null
                        ? null
                        : tierNames.getOrDefault(
                                rule.tierId().value(), rule.tierId().toString()),
                rule.clientId() == null
                        ? null
                        : client == null ? rule.clientId().toString() : client.name());
    }

    private Map<UUID, String> tierNames() {
        return tiers.all().stream().collect(Collectors.toMap(t -> t.id().value(), Tier::name));
    }

    private Map<UUID, Client> clientsById() {
        return clients.all().stream().collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
    }
}
