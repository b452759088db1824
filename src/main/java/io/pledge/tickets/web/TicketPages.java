package io.pledge.tickets.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contracts;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violation;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaClock;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.SlaCalculator;
import io.pledge.tickets.Team;
import io.pledge.tickets.Teams;
import io.pledge.tickets.Technician;
import io.pledge.tickets.Technicians;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketDocument;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.Tickets;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A ticket's page: its conversation as the caller's scope allows, and its SLA story from the same
 * {@link SlaCalculator} figures as {@code GET /api/v1/tickets/{id}/sla}. Every action (here or from the
 * queue's quick actions) records an event through {@link TicketDesk}, as the API does, and shows its
 * rejections next to their fields.
 */
@Controller
@Hidden
class TicketPages {

    private final TicketDesk desk;
    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final SlaCalculator calculator;
    private final Clients clients;
    private final Technicians technicians;
    private final Teams teams;
    private final MessageSource messages;
    private final SignedInTechnician me;
    private final Contracts contracts;
    private final PriorityScheme priorities;
    private final Clock clock;

    TicketPages(
            TicketDesk desk,
            Tickets tickets,
            TicketEvents ticketEvents,
            SlaCalculator calculator,
            Clients clients,
            Technicians technicians,
            Teams teams,
            MessageSource messages,
            SignedInTechnician me,
            Contracts contracts,
            PriorityScheme priorities,
            Clock clock) {
        this.contracts = contracts;
        this.priorities = priorities;
        this.desk = desk;
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.calculator = calculator;
        this.clients = clients;
        this.technicians = technicians;
        this.teams = teams;
        this.messages = messages;
        this.me = me;
        this.clock = clock;
    }

    /** What the new-ticket form was given, shown again with its errors when the desk rejects it. */
    public record NewTicket(String client, String priority, String service, String subject, String description) {}

    /**
     * The form that opens a ticket, as {@code POST /api/v1/tickets} does: a client's contact opens it for its
     * own client (no client to choose), the services its contract covers offered; staff choose the client.
     */
    @GetMapping("/tickets/new")
    String newTicket(Scope scope, Model model) {
        return newTicketForm(model, scope, new NewTicket(null, null, null, null, null));
    }

    @PostMapping("/tickets/new")
    String open(
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String description,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        NewTicket form = new NewTicket(
                scope.isClient() ? null : PageValues.blankToNull(client),
                PageValues.blankToNull(priority),
                PageValues.blankToNull(service),
                PageValues.blankToNull(subject),
                PageValues.blankToNull(description));
        Ticket[] opened = new Ticket[1];
        boolean done = FormErrors.attempt(
                model,
                messages,
                locale,
                () -> opened[0] = desk.open(
                        new TicketDocument(
                                form.client(),
                                form.priority(),
                                form.service(),
                                form.subject(),
                                form.description(),
                                // A client's contact is who asks; staff open tickets on a client's behalf.
                                scope.isClient() ? caller.getName() : null,
                                null,
                                null,
                                null),
                        scope));
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return newTicketForm(model, scope, form);
        }
        return "redirect:/tickets/" + opened[0].id();
    }

    private String newTicketForm(Model model, Scope scope, NewTicket form) {
        model.addAttribute("form", form);
        model.addAttribute("staff", scope.seesInternalText());
        model.addAttribute(
                "priorities",
                priorities.displayNames().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> Map.entry(entry.getKey().code(), entry.getValue()))
                        .toList());
        List<Client> choices = clients.all().stream()
                .filter(candidate -> scope.includes(candidate.id().value()))
                .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                .toList();
        model.addAttribute("clients", choices);
        // The services the client's contract covers, offered as suggestions (a client sees its own).
        List<String> services = scope.isClient() && choices.size() == 1
                ? contracts
                        .inForce(choices.get(0).id(), Timestamps.now(clock))
                        .map(contract -> contract.terms().services())
                        .orElse(List.of())
                : List.of();
        model.addAttribute("services", services);
        return "tickets/new";
    }

    /** A ticket's page: details, conversation, the forms that act on it, and the SLA story of each clock. */
    @GetMapping("/tickets/{id}")
    String ticket(@PathVariable UUID id, Scope scope, Authentication caller, Model model) {
        ticketModel(model, find(id, scope), scope, caller);
        return "tickets/ticket";
    }

    @PostMapping("/tickets/{id}/reply")
    String reply(
            @PathVariable UUID id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        boolean internal = "internal".equals(visibility) && scope.seesInternalText();
        model.addAttribute("replyBody", body);
        model.addAttribute("replyVisibility", internal ? "internal" : "public");
        if (body == null || body.isBlank()) {
            // A reply recorded without a text would count as the first response: the form asks for one.
            model.addAttribute(
                    FormErrors.ATTRIBUTE,
                    FormErrors.of(List.of(new Violation("body", "is required")), messages, locale));
            return refused(find(id, scope), scope, caller, model, response);
        }
        return act(
                id,
                new TicketEventDocument("REPLIED", null, null, null, "AGENT", !internal, body, null, null),
                back,
                scope,
                caller,
                locale,
                model,
                response);
    }

    @PostMapping("/tickets/{id}/status")
    String status(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("chosenStatus", status);
        return act(
                id,
                new TicketEventDocument("STATUS_CHANGED", null, null, status, null, null, null, null, null),
                back,
                scope,
                caller,
                locale,
                model,
                response);
    }

    @PostMapping("/tickets/{id}/assign")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) String technicianId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        return act(
                id,
                new TicketEventDocument(
                        "ASSIGNED",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        PageValues.blankToNull(technicianId),
                        PageValues.blankToNull(teamId)),
                back,
                scope,
                caller,
                locale,
                model,
                response);
    }

    /** Assigns the ticket to the technician the caller is (and that technician's team). */
    @PostMapping("/tickets/{id}/assign-me")
    String assignToMe(
            @PathVariable UUID id,
            @RequestParam(required = false) String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Technician technician = me.of(caller, scope)
                .orElseThrow(() -> new InvalidRequestException(
                        "technicianId", "no technician has the address " + caller.getName()));
        return act(
                id,
                new TicketEventDocument(
                        "ASSIGNED",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        technician.id().toString(),
                        technician.teamId() == null ? null : technician.teamId().toString()),
                back,
                scope,
                caller,
                locale,
                model,
                response);
    }

    @PostMapping("/tickets/{id}/resolve")
    String resolve(
            @PathVariable UUID id,
            @RequestParam(required = false) String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        return act(
                id,
                new TicketEventDocument("RESOLVED", null, null, null, null, null, null, null, null),
                back,
                scope,
                caller,
                locale,
                model,
                response);
    }

    /**
     * Records the event through the desk; back to the queue (or the ticket) when it is stored, the ticket's
     * page with the errors next to their fields (422) when the desk rejects it.
     */
    private String act(
            UUID id,
            TicketEventDocument event,
            String back,
            Scope scope,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Ticket ticket = find(id, scope);
        boolean recorded = FormErrors.attempt(model, messages, locale, () -> desk.record(ticket.id(), event, scope));
        if (recorded) {
            // Back to the queue as it was filtered and paged, never to another site.
            boolean toQueue = back != null && (back.equals("/queue") || back.startsWith("/queue?"));
            return toQueue ? "redirect:" + back + "#ticket-" + id : "redirect:/tickets/" + id;
        }
        return refused(find(id, scope), scope, caller, model, response);
    }

    /** The ticket's page again, answered 422, with the errors the model holds shown next to their fields. */
    private String refused(
            Ticket ticket, Scope scope, Authentication caller, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        ticketModel(model, ticket, scope, caller);
        return "tickets/ticket";
    }

    private void ticketModel(Model model, Ticket ticket, Scope scope, Authentication caller) {
        Instant now = Timestamps.now(clock);
        List<RecordedEvent> events = ticketEvents.of(ticket.id(), scope);
        // The figures of GET /api/v1/tickets/{id}/sla: the same calculator on the same events.
        List<SlaClock> clocks = calculator.clocks(ticket, events, now);
        Client client = clients.find(ticket.clientId()).orElse(null);
        ZoneId zone = client == null ? ZoneId.of("UTC") : client.details().zone();
        Map<UUID, String> technicianNames = PageValues.names(technicians.all(), Technician::id, Technician::name);
        Map<UUID, String> teamNames = PageValues.names(teams.all(), Team::id, Team::name);
        model.addAttribute("ticket", ticket);
        model.addAttribute("client", client);
        model.addAttribute("zone", zone);
        model.addAttribute("now", now);
        model.addAttribute("staff", scope.seesInternalText());
        model.addAttribute(
                "conversation",
                events.stream()
                        .filter(event -> event.body() != null)
                        .filter(event -> scope.seesInternalText() || !event.isInternal())
                        .toList());
        model.addAttribute(
                "stories",
                clocks.stream().map(clock -> ClockStory.of(clock, now)).toList());
        model.addAttribute(
                "technicianName", technicianNames.get(ticket.assignment().technicianId()));
        model.addAttribute("teamName", teamNames.get(ticket.assignment().teamId()));
        model.addAttribute("me", me.of(caller, scope).orElse(null));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("open", ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED);
        if (scope.seesInternalText()) {
            model.addAttribute("technicians", technicians.all());
            model.addAttribute("teams", teams.all());
        }
    }

    private Ticket find(UUID id, Scope scope) {
        return tickets.find(new TicketId(id), scope).orElseThrow(() -> new NotFoundException("ticket", id));
    }
}
