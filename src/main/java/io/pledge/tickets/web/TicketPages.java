package io.pledge.tickets.web;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.sla.Priority;
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
import io.pledge.tickets.TicketEventDocument;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import io.pledge.tickets.TicketQuery;
import io.pledge.tickets.Tickets;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The technician's queue and a ticket's page. The queue is the API's queue by time to breach (the same
 * {@link Tickets#list} query, keyset-paged by the same cursor), its rows reloaded by htmx every
 * {@code pledge.queue.poll} and answered 304 while unchanged; the countdowns tick in the browser. A ticket's
 * page shows its conversation as the caller's scope allows and its SLA story from the same
 * {@link SlaCalculator} figures as {@code GET /api/v1/tickets/{id}/sla}. Every action records an event
 * through {@link TicketDesk}, as the API does, and shows its rejections next to their fields.
 *
 * <p>A signed-in person is the technician whose e-mail address is theirs (compared without case): users
 * and technicians are kept apart, and the address is what they share.
 */
@Controller
@Hidden
class TicketPages {

    static final int PAGE_SIZE = 50;

    private final TicketDesk desk;
    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final SlaCalculator calculator;
    private final Clients clients;
    private final Technicians technicians;
    private final Teams teams;
    private final PriorityScheme priorities;
    private final MessageSource messages;
    private final Clock clock;
    private final long pollSeconds;

    TicketPages(
            TicketDesk desk,
            Tickets tickets,
            TicketEvents ticketEvents,
            SlaCalculator calculator,
            Clients clients,
            Technicians technicians,
            Teams teams,
            PriorityScheme priorities,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.queue.poll:PT15S}") Duration poll) {
        this.desk = desk;
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.calculator = calculator;
        this.clients = clients;
        this.technicians = technicians;
        this.teams = teams;
        this.priorities = priorities;
        this.messages = messages;
        this.clock = clock;
        this.pollSeconds = Math.max(1, poll.toSeconds());
    }

    // ---------------------------------------------------------------------------------------------- queue

    /** The queue's filters as the page's form gives them; blank means no filter. */
    public record Filters(
            String client,
            String priority,
            String status,
            String assignee,
            String team,
            String breached,
            String cursor) {

        /** The query string of these filters (without the cursor), for links and the polled rows. */
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "client", client);
            append(query, "priority", priority);
            append(query, "status", status);
            append(query, "assignee", assignee);
            append(query, "team", team);
            append(query, "breached", breached);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * One line of the queue: the ticket, its client, who works it, and its open clock due first (null when
     * none runs: paused, stopped or clockless).
     */
    public record Row(
            Ticket ticket, Client client, String technician, String team, TicketView.NextDue next, boolean mine) {

        public boolean overdue() {
            return next != null && "BREACHED".equals(next.state())
                    || next != null
                            && next.dueAt() != null
                            && Duration.parse(next.timeLeft()).isNegative();
        }

        public ZoneId zone() {
            return client == null ? ZoneId.of("UTC") : client.details().zone();
        }

        public Duration timeLeft() {
            return next == null ? null : Duration.parse(next.timeLeft());
        }

        /** The due instant of the clock due first (its breach instant once breached), or null. */
        public Instant dueAt() {
            return next == null ? null : next.dueAt();
        }

        /** The metric of the clock due first, or null. */
        public String metric() {
            return next == null ? null : next.metric();
        }

        /** How far past its target the clock due first is, in business time, once breached. */
        public Duration overshoot() {
            return next == null ? Duration.ZERO : Duration.parse(next.overdue());
        }
    }

    /** A page of the queue and the cursor of the next one (null on the last). */
    public record QueuePage(List<Row> rows, String next, String version) {}

    @GetMapping("/queue")
    String queue(
            Scope scope,
            Authentication caller,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String breached,
            @RequestParam(required = false) String cursor,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Filters filters = new Filters(client, priority, status, assignee, team, breached, cursor);
        QueuePage page;
        try {
            page = page(filters, scope, caller);
        } catch (InvalidRequestException rejected) {
            model.addAttribute(FormErrors.ATTRIBUTE, FormErrors.of(rejected.violations(), messages, locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page = new QueuePage(List.of(), null, "");
        }
        queueModel(model, scope, caller, filters, page);
        return "tickets/queue";
    }

    /** The queue's rows alone, as htmx reloads them; 304 while the page's tickets are unchanged. */
    @GetMapping("/queue/rows")
    String rows(
            Scope scope,
            Authentication caller,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String breached,
            @RequestParam(required = false) String cursor,
            WebRequest request,
            HttpServletResponse response,
            Model model) {
        Filters filters = new Filters(client, priority, status, assignee, team, breached, cursor);
        QueuePage page = page(filters, scope, caller);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (request.checkNotModified("\"" + page.version() + "\"")) {
            return null;
        }
        queueModel(model, scope, caller, filters, page);
        return "tickets/queue :: rows";
    }

    private void queueModel(Model model, Scope scope, Authentication caller, Filters filters, QueuePage page) {
        model.addAttribute("filters", filters);
        model.addAttribute("page", page);
        String query = filters.query();
        String cursor = blankToNull(filters.cursor());
        String here = query + (cursor == null ? "" : (query.isEmpty() ? "" : "&") + "cursor=" + cursor);
        model.addAttribute("backUrl", "/queue" + (here.isEmpty() ? "" : "?" + here));
        model.addAttribute("rowsUrl", "/queue/rows" + (here.isEmpty() ? "" : "?" + here));
        model.addAttribute(
                "nextUrl",
                page.next() == null
                        ? null
                        : "/queue?" + query + (query.isEmpty() ? "" : "&") + "cursor=" + page.next());
        model.addAttribute("pollSeconds", pollSeconds);
        // The countdowns count from Pledge's clock, not the browser's, which may be set otherwise.
        model.addAttribute("renderedAt", Timestamps.now(clock));
        model.addAttribute("staff", scope.seesInternalText());
        model.addAttribute("me", technicianOf(caller, scope).orElse(null));
        model.addAttribute("priorities", priorityCodes());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("openStatuses", openStatuses());
        if (scope.seesInternalText()) {
            model.addAttribute("technicians", technicians.all());
            model.addAttribute("teams", teams.all());
            model.addAttribute(
                    "clientSlugs", clients.all().stream().map(Client::slug).toList());
        }
    }

    private QueuePage page(Filters filters, Scope scope, Authentication caller) {
        Violations violations = new Violations();
        UUID clientId = null;
        if (filters.client() != null && !filters.client().isBlank()) {
            String reference = filters.client().strip();
            Optional<Client> found = clients.findByReference(reference, scope);
            if (found.isEmpty()) {
                violations.add("client", "unknown client \"" + reference + "\"");
            } else {
                clientId = found.get().id().value();
            }
        }
        TicketStatus status = violations.parseOptional(
                "status",
                blankToNull(filters.status()),
                "status",
                text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
        Priority priority = violations.parseOptional(
                "priority",
                blankToNull(filters.priority()),
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code.toUpperCase(Locale.ROOT)).orElseThrow());
        UUID assignee = "me".equals(filters.assignee())
                ? technicianOf(caller, scope).map(Technician::id).orElse(new UUID(0, 0))
                : violations.parseOptional("assignee", blankToNull(filters.assignee()), "id", UUID::fromString);
        UUID team = violations.parseOptional("team", blankToNull(filters.team()), "id", UUID::fromString);
        Boolean breached = violations.parseOptional(
                "breached", blankToNull(filters.breached()), "yes or no", text -> switch (text) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new IllegalArgumentException(text);
                });
        TicketQuery.Cursor after =
                violations.parseOptional("cursor", blankToNull(filters.cursor()), "cursor", TicketController::decode);
        violations.throwIfAny();
        Instant now = Timestamps.now(clock);
        // Resolved and closed tickets leave the queue unless the status filter asks for them.
        List<Ticket> found = tickets.list(
                new TicketQuery(
                        scope,
                        clientId,
                        status,
                        priority,
                        assignee,
                        team,
                        status == null,
                        breached,
                        null,
                        after,
                        PAGE_SIZE + 1),
                now);
        boolean more = found.size() > PAGE_SIZE;
        List<Ticket> items = more ? found.subList(0, PAGE_SIZE) : found;
        String next = more ? TicketController.encode(items.get(items.size() - 1), tickets) : null;
        Map<TicketId, List<RecordedEvent>> events =
                ticketEvents.of(items.stream().map(Ticket::id).toList(), scope);
        Map<ClientId, Client> clientsById = new HashMap<>();
        Map<UUID, String> technicianNames = names(technicians.all(), Technician::id, Technician::name);
        Map<UUID, String> teamNames = names(teams.all(), Team::id, Team::name);
        UUID mine = technicianOf(caller, scope).map(Technician::id).orElse(null);
        List<Row> rows = items.stream()
                .map(ticket -> {
                    List<SlaClock> clocks = calculator.clocks(ticket, events.getOrDefault(ticket.id(), List.of()), now);
                    Client client = clientsById.computeIfAbsent(
                            ticket.clientId(), id -> clients.find(id).orElse(null));
                    UUID technician = ticket.assignment().technicianId();
                    UUID teamId = ticket.assignment().teamId();
                    return new Row(
                            ticket,
                            client,
                            technician == null ? null : technicianNames.get(technician),
                            teamId == null ? null : teamNames.get(teamId),
                            TicketView.NextDue.of(clocks, now),
                            technician != null && technician.equals(mine));
                })
                .toList();
        return new QueuePage(rows, next, version(rows, next));
    }

    /** What the polled rows show, digested: ids, states, due instants, assignees; not the ticking time. */
    private static String version(List<Row> rows, String next) {
        StringBuilder text = new StringBuilder(String.valueOf(next));
        for (Row row : rows) {
            Ticket ticket = row.ticket();
            text.append('|')
                    .append(ticket.id())
                    .append(ticket.updatedAt())
                    .append(ticket.status())
                    .append(ticket.priority())
                    .append(row.technician())
                    .append(row.team());
            if (row.next() != null) {
                text.append(row.next().state())
                        .append(row.next().dueAt())
                        .append(row.next().metric());
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(Arrays.copyOf(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)),
                            16));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // --------------------------------------------------------------------------------------------- ticket

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
                        "ASSIGNED", null, null, null, null, null, null, blankToNull(technicianId), blankToNull(teamId)),
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
        Technician me = technicianOf(caller, scope)
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
                        me.id().toString(),
                        me.teamId() == null ? null : me.teamId().toString()),
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
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        ticketModel(model, find(id, scope), scope, caller);
        return "tickets/ticket";
    }

    private void ticketModel(Model model, Ticket ticket, Scope scope, Authentication caller) {
        Instant now = Timestamps.now(clock);
        List<RecordedEvent> events = ticketEvents.of(ticket.id(), scope);
        // The figures of GET /api/v1/tickets/{id}/sla: the same calculator on the same events.
        List<SlaClock> clocks = calculator.clocks(ticket, events, now);
        Client client = clients.find(ticket.clientId()).orElse(null);
        ZoneId zone = client == null ? ZoneId.of("UTC") : client.details().zone();
        Map<UUID, String> technicianNames = names(technicians.all(), Technician::id, Technician::name);
        Map<UUID, String> teamNames = names(teams.all(), Team::id, Team::name);
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
        model.addAttribute("me", technicianOf(caller, scope).orElse(null));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("open", ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED);
        if (scope.seesInternalText()) {
            model.addAttribute("technicians", technicians.all());
            model.addAttribute("teams", teams.all());
        }
    }

    // ---------------------------------------------------------------------------------------------- shared

    private Ticket find(UUID id, Scope scope) {
        return tickets.find(new TicketId(id), scope).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** The technician the caller is: the MSP's staff whose address is a technician's. */
    private Optional<Technician> technicianOf(Authentication caller, Scope scope) {
        if (caller == null || !scope.seesInternalText()) {
            return Optional.empty();
        }
        String email = caller.getName();
        return technicians.all().stream()
                .filter(technician ->
                        technician.email() != null && technician.email().equalsIgnoreCase(email))
                .findFirst();
    }

    private List<String> priorityCodes() {
        return priorities.displayNames().keySet().stream()
                .map(Priority::code)
                .sorted()
                .toList();
    }

    private static List<TicketStatus> openStatuses() {
        return Arrays.stream(TicketStatus.values())
                .filter(status -> status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED)
                .toList();
    }

    private static <T> Map<UUID, String> names(List<T> all, Function<T, UUID> id, Function<T, String> name) {
        return all.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
