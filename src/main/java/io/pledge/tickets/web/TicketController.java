package io.pledge.tickets.web;

import io.pledge.clients.Clients;
import io.pledge.core.Instants;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaClock;
import io.pledge.sla.TicketStatus;
import io.pledge.sla.web.ClockView;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.SlaCalculator;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketDocument;
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.TicketQuery;
import io.pledge.tickets.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets", description = "Tickets with live SLA clocks, their events and the queue by time to breach")
class TicketController {

    static final int MAX_PAGE = 500;

    private final TicketDesk desk;
    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final SlaCalculator calculator;
    private final Clients clients;
    private final PriorityScheme priorities;
    private final Clock clock;

    TicketController(
            TicketDesk desk,
            Tickets tickets,
            TicketEvents ticketEvents,
            SlaCalculator calculator,
            Clients clients,
            PriorityScheme priorities,
            Clock clock) {
        this.desk = desk;
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.calculator = calculator;
        this.clients = clients;
        this.priorities = priorities;
        this.clock = clock;
    }

    @PostMapping("/api/v1/tickets")
    @Operation(summary = "Open a ticket; its contract and policy are those in force at its creation")
    ResponseEntity<TicketView> open(@RequestBody TicketDocument document, Scope scope) {
        Ticket ticket = desk.open(document, scope);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id()))
                .body(view(ticket, scope));
    }

    @GetMapping("/api/v1/tickets/{id}")
    @Operation(summary = "A ticket with its clocks as of now")
    TicketView get(@PathVariable UUID id, Scope scope) {
        return view(find(id, scope), scope);
    }

    @GetMapping("/api/v1/tickets/{id}/sla")
    @Operation(summary = "A ticket's SLA timeline: every clock with the explanation of each figure")
    SlaView sla(@PathVariable UUID id, Scope scope) {
        Ticket ticket = find(id, scope);
        List<SlaClock> clocks = calculator.clocks(ticket, ticketEvents.of(ticket.id(), scope), Timestamps.now(clock));
        return new SlaView(
                ticket.id().value(),
                ticket.coverage().scopeReason(),
                clocks.stream().map(ClockView::of).toList());
    }

    @PostMapping("/api/v1/tickets/{id}/events")
    @Operation(summary = "Record an event (status, reply, note, priority, assignment, resolve, reopen, close, cancel)")
    ResponseEntity<EventView> record(@PathVariable UUID id, @RequestBody TicketEventDocument body, Scope scope) {
        RecordedEvent event = desk.record(new TicketId(id), body, scope);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/events"))
                .body(EventView.of(event));
    }

    @GetMapping("/api/v1/tickets/{id}/events")
    @Operation(
            summary = "A ticket's events in timeline order (by instant, then arrival); a client's contacts see its"
                    + " public conversation, never the MSP's notes and internal replies")
    List<EventView> events(@PathVariable UUID id, Scope scope) {
        return ticketEvents.of(find(id, scope).id(), scope).stream()
                .filter(event -> scope.seesInternalText() || !event.isInternal())
                .map(EventView::of)
                .toList();
    }

    @GetMapping("/api/v1/tickets")
    @Operation(
            summary = "The queue, by time to breach: breached tickets first (longest overdue first), then by the due"
                    + " instant of their earliest open clock; paused and clockless last. Filtered, a page at a time")
    PageView list(
            Scope scope,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) UUID assignee,
            @RequestParam(required = false) Boolean breached,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Violations violations = new Violations();
        UUID clientId = null;
        if (client != null) {
            clientId = clients.findByReference(client, scope)
                    .map(found -> found.id().value())
                    .orElseThrow(() -> new InvalidRequestException("client", "unknown client \"" + client + "\""));
        }
        TicketStatus statusFilter = violations.parseOptional(
                "status", status, "status", text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
        var priorityFilter = violations.parseOptional(
                "priority",
                priority,
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code.toUpperCase(Locale.ROOT)).orElseThrow());
        Instant dueBeforeFilter = violations.parseOptional("dueBefore", dueBefore, Instants.WHAT, Instants::parse);
        TicketQuery.Cursor after = violations.parseOptional("cursor", cursor, "cursor", TicketController::decode);
        if (limit < 1 || limit > MAX_PAGE) {
            violations.add("limit", "must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        violations.throwIfAny();
        Instant now = Timestamps.now(clock);
        List<Ticket> page = tickets.list(
                new TicketQuery(
                        scope,
                        clientId,
                        statusFilter,
                        priorityFilter,
                        assignee,
                        null,
                        false,
                        breached,
                        dueBeforeFilter,
                        after,
                        limit + 1),
                now);
        boolean more = page.size() > limit;
        List<Ticket> items = more ? page.subList(0, limit) : page;
        String next = more ? encode(items.get(items.size() - 1), tickets) : null;
        // The page's events in one query, not one per ticket.
        Map<TicketId, List<RecordedEvent>> events =
                ticketEvents.of(items.stream().map(Ticket::id).toList(), scope);
        return new PageView(
                items.stream()
                        .map(ticket -> view(ticket, events.getOrDefault(ticket.id(), List.of()), now))
                        .toList(),
                next);
    }

    private Ticket find(UUID id, Scope scope) {
        return tickets.find(new TicketId(id), scope).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    private TicketView view(Ticket ticket, Scope scope) {
        return view(ticket, ticketEvents.of(ticket.id(), scope), Timestamps.now(clock));
    }

    /** A ticket with its clocks as of {@code now}, from its events already read (in timeline order). */
    private TicketView view(Ticket ticket, List<RecordedEvent> events, Instant now) {
        return TicketView.of(ticket, calculator.clocks(ticket, events, now), now);
    }

    /** A page ends at its last ticket; the cursor carries that ticket's queue position: its due instant and id. */
    static String encode(Ticket last, Tickets tickets) {
        Instant nextDue = tickets.dueAt(last.id()).orElse(null);
        String raw = (nextDue == null ? "" : nextDue.toString()) + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TicketQuery.Cursor decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        String due = raw.substring(0, bar);
        return new TicketQuery.Cursor(
                due.isEmpty() ? null : Instants.check(Instant.parse(due)), UUID.fromString(raw.substring(bar + 1)));
    }

    record SlaView(UUID ticketId, String noClocksReason, List<ClockView> clocks) {}

    record PageView(List<TicketView> items, String nextCursor) {}
}
