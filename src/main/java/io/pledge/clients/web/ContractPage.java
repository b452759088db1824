package io.pledge.clients.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.ContractSheets;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client portal's contract page: what the client signed, from {@link ContractSheets} as
 * {@code GET /api/v1/clients/{client}/terms} answers it. A client's contact sees its own client's terms;
 * staff choose the client, to see what its contacts see.
 */
@Controller
@Hidden
class ContractPage {

    private final ContractSheets sheets;
    private final Clients clients;
    private final Clock clock;

    ContractPage(ContractSheets sheets, Clients clients, Clock clock) {
        this.sheets = sheets;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping("/contract")
    String page(@RequestParam(required = false) String client, Scope scope, Model model) {
        List<Client> choices = clients.all().stream()
                .filter(candidate -> scope.includes(candidate.id().value()))
                .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                .toList();
        String chosen = client != null && !client.isBlank()
                ? client.strip()
                : choices.size() == 1 ? choices.get(0).slug() : null;
        model.addAttribute("clients", choices);
        model.addAttribute("client", chosen);
        model.addAttribute("staff", scope.seesInternalText());
        if (chosen != null) {
            Client found = sheets.client(chosen, scope).orElseThrow(() -> new NotFoundException("client", chosen));
            model.addAttribute("found", found);
            sheets.inForce(found, clock.instant()).ifPresent(sheet -> model.addAttribute("sheet", sheet));
        }
        return "clients/contract";
    }
}
