package io.pledge.clients.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.ContractCatalog;
import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractId;
import io.pledge.clients.ContractSheets;
import io.pledge.clients.Contracts;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contracts", description = "A client on a tier over a calendar for a period; one in force at a time")
class ContractController {

    private final Contracts contracts;
    private final Clients clients;
    private final ContractCatalog catalog;
    private final ContractSheets sheets;
    private final Clock clock;

    ContractController(
            Contracts contracts, Clients clients, ContractCatalog catalog, ContractSheets sheets, Clock clock) {
        this.sheets = sheets;
        this.contracts = contracts;
        this.clients = clients;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping("/api/v1/clients/{client}/contracts")
    @Operation(summary = "Create a contract for a client (by id or slug)")
    ResponseEntity<ContractView> create(@PathVariable String client, @RequestBody ContractDocument document) {
        Client owner = ClientController.find(clients, client);
        Contract contract = catalog.add(owner.id(), document);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id()))
                .body(ContractView.of(contract));
    }

    @GetMapping("/api/v1/clients/{client}/contracts")
    @Operation(summary = "List a client's contracts by start date")
    List<ContractView> list(@PathVariable String client) {
        return contracts.of(ClientController.find(clients, client).id()).stream()
                .map(ContractView::of)
                .toList();
    }

    @GetMapping("/api/v1/clients/{client}/contract")
    @Operation(summary = "The client's contract in force at an instant (default: now)")
    ContractView inForce(@PathVariable String client, @RequestParam(required = false) String at) {
        Client owner = ClientController.find(clients, client);
        Violations violations = new Violations();
        Instant instant = at == null ? clock.instant() : violations.parse("at", at, Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        return contracts
                .inForce(owner.id(), instant)
                .map(ContractView::of)
                .orElseThrow(() -> new NotFoundException("contract in force for client", client));
    }

    @GetMapping("/api/v1/clients/{client}/terms")
    @Operation(
            summary = "What the client signed, as it reads it: the contract in force at an instant (default: now),"
                    + " its tier's targets per priority, uptime target and credits, the calendar's hours and"
                    + " holidays, the covered services")
    TermsView terms(@PathVariable String client, @RequestParam(required = false) String at, Scope scope) {
        Client owner = sheets.client(client, scope).orElseThrow(() -> new NotFoundException("client", client));
        Violations violations = new Violations();
        Instant instant = at == null ? clock.instant() : violations.parse("at", at, Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        return sheets.inForce(owner, instant)
                .map(TermsView::of)
                .orElseThrow(() -> new NotFoundException("contract in force for client", client));
    }

    @GetMapping("/api/v1/contracts/{id}")
    @Operation(summary = "Get a contract")
    ContractView get(@PathVariable UUID id) {
        return contracts.find(new ContractId(id)).map(ContractView::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/api/v1/contracts/{id}")
    @Operation(summary = "Replace a contract's terms")
    ContractView update(@PathVariable UUID id, @RequestBody ContractDocument document) {
        return ContractView.of(catalog.replace(new ContractId(id), document));
    }

    @DeleteMapping("/api/v1/contracts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a contract")
    void delete(@PathVariable UUID id) {
        if (!contracts.remove(new ContractId(id))) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("contract", id);
    }

    record ContractView(
            UUID id,
            UUID clientId,
            String tierId,
            String calendarId,
            String startDate,
            String endDate,
            List<String> services,
            BigDecimal monthlyFee,
            String currency,
            Instant createdAt,
            Instant updatedAt) {

        static ContractView of(Contract contract) {
            ContractDocument document = contract.terms().toDocument();
            return new ContractView(
                    contract.id().value(),
                    contract.client().value(),
                    document.tierId(),
                    document.calendarId(),
                    document.startDate(),
                    document.endDate(),
                    document.services(),
                    document.monthlyFee(),
                    document.currency(),
                    contract.createdAt(),
                    contract.updatedAt());
        }
    }
}
