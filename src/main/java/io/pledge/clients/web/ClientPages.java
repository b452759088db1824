package io.pledge.clients.web;

import io.pledge.calendar.Calendars;
import io.pledge.calendar.StoredCalendar;
import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.ContractCatalog;
import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractId;
import io.pledge.clients.Contracts;
import io.pledge.clients.Tier;
import io.pledge.clients.Tiers;
import io.pledge.core.NotFoundException;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.Confirmation;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.core.web.pages.PageFormats;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clients' pages: the list with each client's contract in force, a client with its contacts and its
 * contracts (covered services, tier, calendar, fee), the forms that create or change a client and add or
 * change a contract, and the confirmations that delete a client or a contract. They write through
 * {@link Clients}, {@link Contracts} and {@link ContractCatalog}, as {@code /api/v1/clients},
 * {@code /api/v1/clients/{client}/contracts} and {@code /api/v1/contracts/{id}} do, and show the API's
 * violations next to the field they name (a client with contracts is not deleted: the confirmation shows
 * why, with the API's 409).
 */
@Controller
@Hidden
class ClientPages {

    private final Clients clients;
    private final Contracts contracts;
    private final ContractCatalog catalog;
    private final Tiers tiers;
    private final Calendars calendars;
    private final PageAccess access;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId defaultZone;

    ClientPages(
            Clients clients,
            Contracts contracts,
            ContractCatalog catalog,
            Tiers tiers,
            Calendars calendars,
            PageAccess access,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId defaultZone) {
        this.clients = clients;
        this.contracts = contracts;
        this.catalog = catalog;
        this.tiers = tiers;
        this.calendars = calendars;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** A client in the list: the contract in force now, if any, by its tier's name. */
    record ClientLine(Client client, String tier) {}

    /** A contract of a client's page, with the names of its tier and calendar. */
    record ContractLine(Contract contract, String tier, String calendar, boolean inForce) {}

    @GetMapping("/clients")
    String list(Model model) {
        Map<String, String> tierNames = tierNames();
        List<ClientLine> lines = clients.all().stream()
                .map(client -> new ClientLine(
                        client,
                        contracts
                                .inForce(client.id(), clock.instant())
                                .map(c -> tierNames.get(c.terms().tier().toString()))
                                .orElse(null)))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("canEdit", access.allows("/clients/new"));
        return "clients/clients";
    }

    @GetMapping("/clients/new")
    String newClient(Model model) {
        return clientForm(ClientForm.empty(defaultZone.getId()), null, model);
    }

    @PostMapping("/clients/new")
    String create(
            @ModelAttribute("form") ClientForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client[] created = new Client[1];
        if (!FormErrors.attempt(
                model, messages, locale, () -> created[0] = clients.add(ClientDetails.parse(form.toDocument())))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return clientForm(form.withBlankRows(), null, model);
        }
        redirect.addFlashAttribute("notice", "client.created");
        return "redirect:/clients/" + created[0].slug();
    }

    @GetMapping("/clients/{reference}")
    String client(@PathVariable String reference, Model model) {
        Client client = find(reference);
        Map<String, String> tierNames = tierNames();
        Map<String, String> calendarNames = calendarNames();
        List<ContractLine> lines = contracts.of(client.id()).stream()
                .map(contract -> new ContractLine(
                        contract,
                        tierNames.get(contract.terms().tier().toString()),
                        calendarNames.get(contract.terms().calendar().toString()),
                        contracts
                                .inForce(client.id(), clock.instant())
                                .map(c -> c.id().equals(contract.id()))
                                .orElse(false)))
                .toList();
        model.addAttribute("client", client);
        model.addAttribute("contracts", lines);
        model.addAttribute("canEdit", access.allows("/clients/" + client.slug() + "/edit"));
        model.addAttribute("canAddContract", access.allows("/clients/" + client.slug() + "/contracts/new"));
        model.addAttribute("canDelete", access.allows("/clients/" + client.slug() + "/delete"));
        model.addAttribute(
                "canDeleteContract",
                !lines.isEmpty()
                        && access.allows("/clients/" + client.slug() + "/contracts/"
                                + lines.get(0).contract().id().value() + "/delete"));
        return "clients/client";
    }

    @GetMapping("/clients/{reference}/edit")
    String edit(@PathVariable String reference, Model model) {
        Client client = find(reference);
        return clientForm(ClientForm.of(client.details()), client, model);
    }

    @PostMapping("/clients/{reference}/edit")
    String change(
            @PathVariable String reference,
            @ModelAttribute("form") ClientForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = find(reference);
        Client[] changed = new Client[1];
        if (!FormErrors.attempt(
                model,
                messages,
                locale,
                () -> changed[0] = clients.replace(client.id(), ClientDetails.parse(form.toDocument()))
                        .orElseThrow(() -> new NotFoundException("client", reference)))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return clientForm(form.withBlankRows(), client, model);
        }
        redirect.addFlashAttribute("notice", "client.changed");
        return "redirect:/clients/" + changed[0].slug();
    }

    @GetMapping("/clients/{reference}/contracts/new")
    String newContract(@PathVariable String reference, Model model) {
        Client client = find(reference);
        ContractForm form = new ContractForm();
        form.setStartDate(
                clock.instant().atZone(client.details().zone()).toLocalDate().toString());
        return contractForm(form, client, null, model);
    }

    @PostMapping("/clients/{reference}/contracts/new")
    String addContract(
            @PathVariable String reference,
            @ModelAttribute("form") ContractForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = find(reference);
        if (!FormErrors.attempt(model, messages, locale, ContractForm::toFormField, () -> {
            Violations violations = new Violations();
            ContractDocument document = form.toDocument(violations);
            violations.throwIfAny();
            catalog.add(client.id(), document);
        })) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return contractForm(form, client, null, model);
        }
        redirect.addFlashAttribute("notice", "contract-form.created");
        return "redirect:/clients/" + client.slug();
    }

    @GetMapping("/clients/{reference}/contracts/{id}/edit")
    String editContract(@PathVariable String reference, @PathVariable UUID id, Model model) {
        Client client = find(reference);
        Contract contract = contractOf(client, id);
        return contractForm(ContractForm.of(contract.terms()), client, contract, model);
    }

    @PostMapping("/clients/{reference}/contracts/{id}/edit")
    String changeContract(
            @PathVariable String reference,
            @PathVariable UUID id,
            @ModelAttribute("form") ContractForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = find(reference);
        Contract contract = contractOf(client, id);
        if (!FormErrors.attempt(model, messages, locale, ContractForm::toFormField, () -> {
            Violations violations = new Violations();
            ContractDocument document = form.toDocument(violations);
            violations.throwIfAny();
            catalog.replace(contract.id(), document);
        })) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return contractForm(form, client, contract, model);
        }
        redirect.addFlashAttribute("notice", "contract-form.changed");
        return "redirect:/clients/" + client.slug();
    }

    @GetMapping("/clients/{reference}/delete")
    String confirmDelete(@PathVariable String reference, Model model) {
        return deletion(find(reference)).show(model);
    }

    @PostMapping("/clients/{reference}/delete")
    String delete(
            @PathVariable String reference,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = find(reference);
        Confirmation confirmation = deletion(client);
        if (!confirmation.attempt(model, messages, locale, response, () -> clients.remove(client.id()))) {
            return confirmation.show(model);
        }
        redirect.addFlashAttribute("notice", "client.deleted");
        redirect.addFlashAttribute("noticeArgument", client.name());
        return "redirect:/clients";
    }

    @GetMapping("/clients/{reference}/contracts/{id}/delete")
    String confirmDeleteContract(@PathVariable String reference, @PathVariable UUID id, Locale locale, Model model) {
        Client client = find(reference);
        return contractDeletion(client, contractOf(client, id), locale).show(model);
    }

    @PostMapping("/clients/{reference}/contracts/{id}/delete")
    String deleteContract(
            @PathVariable String reference,
            @PathVariable UUID id,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = find(reference);
        Contract contract = contractOf(client, id);
        Confirmation confirmation = contractDeletion(client, contract, locale);
        if (!confirmation.attempt(model, messages, locale, response, () -> contracts.remove(contract.id()))) {
            return confirmation.show(model);
        }
        redirect.addFlashAttribute("notice", "contract.deleted");
        return "redirect:/clients/" + client.slug();
    }

    private static Confirmation deletion(Client client) {
        return new Confirmation(
                "client.delete.title",
                "client.delete.question",
                client.name(),
                "/clients/" + client.slug() + "/delete",
                "/clients/" + client.slug(),
                "client.delete");
    }

    /** A contract is named by its tier and its first day, as the client's page lists it. */
    private Confirmation contractDeletion(Client client, Contract contract, Locale locale) {
        String tier = tierNames().getOrDefault(contract.terms().tier().toString(), "");
        String start = new PageFormats(locale, defaultZone, messages)
                .date(contract.terms().startDate());
        return new Confirmation(
                "contract.delete.title",
                "contract.delete.question",
                messages.getMessage("contract.delete.subject", new Object[] {tier, start, client.name()}, locale),
                "/clients/" + client.slug() + "/contracts/" + contract.id().value() + "/delete",
                "/clients/" + client.slug(),
                "contract.delete");
    }

    private String clientForm(ClientForm form, Client client, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("client", client);
        model.addAttribute("reportLanguages", ClientDetails.LANGUAGES);
        List<String> shown = new java.util.ArrayList<>(List.of("name", "slug", "zone", "language"));
        for (int i = 0; i < form.getContacts().size(); i++) {
            for (String part : List.of("name", "email", "phone", "reports")) {
                shown.add("contacts[" + i + "]." + part);
            }
        }
        model.addAttribute("shownFields", shown);
        return "clients/client-form";
    }

    private String contractForm(ContractForm form, Client client, Contract contract, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("client", client);
        model.addAttribute("contract", contract);
        model.addAttribute("tierChoices", tiers.all());
        model.addAttribute("calendarChoices", calendars.all());
        return "clients/contract-form";
    }

    private Client find(String reference) {
        return clients.findByReference(reference).orElseThrow(() -> new NotFoundException("client", reference));
    }

    private Contract contractOf(Client client, UUID id) {
        return contracts
                .find(new ContractId(id))
                .filter(contract -> contract.client().equals(client.id()))
                .orElseThrow(() -> new NotFoundException("contract", id));
    }

    private Map<String, String> tierNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Tier tier : tiers.all()) {
            names.put(tier.id().toString(), tier.name());
        }
        return names;
    }

    private Map<String, String> calendarNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (StoredCalendar calendar : calendars.all()) {
            names.put(calendar.id().toString(), calendar.definition().name());
        }
        return names;
    }
}
