package io.pledge.tickets.web;

import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.InvalidRequestException;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The technician's queue: the API's queue by time to breach (the same {@link Tickets#list} query,
 * keyset-paged by the same cursor), its rows reloaded by htmx every {@code pledge.queue.poll} and answered
 * 304 while unchanged; the countdowns tick in the browser from Pledge's clock. Its quick actions post to the
 * ticket's actions ({@link TicketPages}).
 */
@Controller
@Hidden
class QueuePages {

    static final int PAGE_SIZE = 50;

    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final SlaCalculator calculator;
    private final Clients clients;
    private final Technicians technicians;
    private final Teams teams;
    private final PriorityScheme priorities;
    private final MessageSource messages;
    private final SignedInTechnician me;
    private final Clock clock;
    private final long pollSeconds;

    QueuePages(
            Tickets tickets,
            TicketEvents ticketEvents,
            SlaCalculator calculator,
            Clients clients,
            Technicians technicians,
            Teams teams,
            PriorityScheme priorities,
            MessageSource messages,
            SignedInTechnician me,
            Clock clock,
            @Value("${pledge.queue.poll:PT15S}") Duration poll) {
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.calculator = calculator;
        this.clients = clients;
        this.technicians = technicians;
        this.teams = teams;
        this.priorities = priorities;
        this.messages = messages;
        this.me = me;
        this.clock = clock;
        this.pollSeconds = Math.max(1, poll.toSeconds());
    }

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
        String cursor = PageValues.blankToNull(filters.cursor());
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
        model.addAttribute("me", me.of(caller, scope).orElse(null));
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
                PageValues.blankToNull(filters.status()),
                "status",
                text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
        Priority priority = violations.parseOptional(
                "priority",
                PageValues.blankToNull(filters.priority()),
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code.toUpperCase(Locale.ROOT)).orElseThrow());
        UUID assignee = "me".equals(filters.assignee())
                ? me.of(caller, scope).map(Technician::id).orElse(new UUID(0, 0))
                : violations.parseOptional(
                        "assignee", PageValues.blankToNull(filters.assignee()), "id", UUID::fromString);
        UUID team = violations.parseOptional("team", PageValues.blankToNull(filters.team()), "id", UUID::fromString);
        Boolean breached = violations.parseOptional(
                "breached", PageValues.blankToNull(filters.breached()), "yes or no", text -> switch (text) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new IllegalArgumentException(text);
                });
        TicketQuery.Cursor after = violations.parseOptional(
                "cursor", PageValues.blankToNull(filters.cursor()), "cursor", TicketController::decode);
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
        Map<UUID, String> technicianNames = PageValues.names(technicians.all(), Technician::id, Technician::name);
        Map<UUID, String> teamNames = PageValues.names(teams.all(), Team::id, Team::name);
        UUID mine = me.of(caller, scope).map(Technician::id).orElse(null);
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
}
