package io.pledge.clients.web;

import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientDocument;
import io.pledge.clients.Clients;
import io.pledge.clients.Contact;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients", description = "The companies the MSP serves; each is addressed by id or slug")
class ClientController {

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @PostMapping
    @Operation(summary = "Create a client")
    ResponseEntity<ClientView> create(@RequestBody ClientDocument document) {
        Client client = clients.add(ClientDetails.parse(document));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id()))
                .body(ClientView.of(client));
    }

    @GetMapping
    @Operation(summary = "List clients by name")
    List<ClientView> list() {
        return clients.all().stream().map(ClientView::of).toList();
    }

    @GetMapping("/{client}")
    @Operation(summary = "Get a client by id or slug")
    ClientView get(@PathVariable String client, Scope scope) {
        return ClientView.of(clients.findByReference(client, scope).orElseThrow(() -> notFound(client)));
    }

    @PutMapping("/{client}")
    @Operation(summary = "Replace a client's details (name, slug, zone, report language, contacts)")
    ClientView update(@PathVariable String client, @RequestBody ClientDocument document) {
        ClientDetails details = ClientDetails.parse(document);
        Client existing = find(clients, client);
        return clients.replace(existing.id(), details).map(ClientView::of).orElseThrow(() -> notFound(client));
    }

    @DeleteMapping("/{client}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a client that has no contracts")
    void delete(@PathVariable String client) {
        clients.remove(find(clients, client).id());
    }

    static Client find(Clients clients, String reference) {
        return clients.findByReference(reference).orElseThrow(() -> notFound(reference));
    }

    private static NotFoundException notFound(String reference) {
        return new NotFoundException("client", reference);
    }

    record ClientView(
            UUID id,
            String name,
            String slug,
            String zone,
            String language,
            List<Contact> contacts,
            Instant createdAt,
            Instant updatedAt) {

        static ClientView of(Client client) {
            ClientDetails details = client.details();
            return new ClientView(
                    client.id().value(),
                    details.name(),
                    details.slug(),
                    details.zone().getId(),
                    details.language(),
                    details.contacts(),
                    client.createdAt(),
                    client.updatedAt());
        }
    }
}
