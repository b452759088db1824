package io.pledge.tickets;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.Tiers;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.EventParser;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where tickets are opened and their events recorded. Every change stores the event, recomputes the
 * ticket's clocks from its whole timeline and writes the ticket row and clock rows, in one transaction:
 * nothing is acknowledged before it is committed.
 */
@Service
public class TicketDesk {

    /** The source of tickets opened in Pledge itself. */
    public static final String OWN_SOURCE = "pledge";

    private final Tickets tickets;
    private final TicketEvents ticketEvents;
    private final Sources sources;
    private final Clients clients;
    private final Contracts contracts;
    private final Tiers tiers;
    private final PriorityScheme priorities;
    private final EventDefinition.Catalog catalog;
    private final AuditLog audit;
    private final ClockRefresh refresh;
    private final Clock clock;

    TicketDesk(
            Tickets tickets,
            TicketEvents ticketEvents,
            Sources sources,
            Clients clients,
            Contracts contracts,
            Tiers tiers,
            PriorityScheme priorities,
            Technicians technicians,
            Teams teams,
            AuditLog audit,
            ClockRefresh refresh,
            Clock clock) {
        this.tickets = tickets;
        this.ticketEvents = ticketEvents;
        this.refresh = refresh;
        this.sources = sources;
        this.clients = clients;
        this.contracts = contracts;
        this.tiers = tiers;
        this.priorities = priorities;
        this.catalog = new EventDefinition.Catalog() {
            @Override
            public boolean hasTechnician(UUID id) {
                return technicians.find(id).isPresent();
            }

            @Override
            public boolean hasTeam(UUID id) {
                return teams.find(id).isPresent();
            }
        };
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a ticket: resolves its contract and policy version at its creation instant, records the
     * CREATED event and computes its clocks.
     */
    @Transactional
    public Ticket open(TicketDocument document, Scope scope) {
        Instant now = Timestamps.now(clock);
        Ticket ticket = draft(ClientWrites.ticket(document, scope), now, new Violations(), "", memo(), scope);
        RecordedEvent created = created(ticket, null, now);
        refresh.insert(
                refresh.evaluate(List.of(ticket), Map.of(ticket.id(), List.of(created)), now),
                now,
                ClockRefresh.Thresholds.FIRE);
        ticketEvents.append(List.of(created));
        audit.append(TicketAudit.event(ticket, created, AuditLog.currentActor()));
        return tickets.find(ticket.id(), scope).orElseThrow();
    }

    /**
     * Validates a ticket document into a new ticket (not stored), its contract and policy resolved.
     *
     * @throws io.pledge.core.InvalidRequestException when a field is invalid
     * @throws UnprocessableException when the client does not exist
     */
    public Ticket draft(TicketDocument document, Instant now, Violations violations, String prefix) {
        return draft(document, now, violations, prefix, memo(), Scope.everything());
    }

    /**
     * As {@link #draft(TicketDocument, Instant, Violations, String)}, reading the catalog through {@code memo},
     * for a client within {@code scope} (another client is as unknown as one that does not exist).
     */
    public Ticket draft(
            TicketDocument document, Instant now, Violations violations, String prefix, CatalogMemo memo, Scope scope) {
        TicketDefinition definition = TicketDefinition.parse(document, now, priorities, violations.under(prefix));
        if (definition == null) {
            violations.throwIfAny();
        }
        String clientRef = definition.client();
        Client client = memo.client(clientRef)
                .filter(found -> scope.includes(found.id().value()))
                .orElseThrow(
                        () -> new UnprocessableException(prefix + "client", "unknown client \"" + clientRef + "\""));
        return build(
                client,
                memo.contractAt(client, definition.createdAt()),
                in -> memo.policyAt(in.terms().tier(), definition.createdAt()),
                definition.priority(),
                definition.service(),
                definition.subject(),
                definition.description(),
                definition.requester(),
                definition.createdAt(),
                definition.source(),
                definition.externalId());
    }

    /** A fresh view of the catalog for one batch of new tickets. */
    public CatalogMemo memo() {
        return new CatalogMemo(clients, contracts, tiers);
    }

    /**
     * A new ticket given the contract in force at its creation (null when none) and how to find that
     * contract's policy version then. Out of scope (no contract, or a service the contract does not
     * cover) the ticket has no clocks and says why.
     */
    public static Ticket build(
            Client client,
            Contract contract,
            java.util.function.Function<Contract, TierPolicy> policyOf,
            Priority priority,
            String service,
            String subject,
            String description,
            String requester,
            Instant createdAt,
            String source,
            String externalId) {
        String scopeReason = null;
        TierPolicy policy = null;
        if (contract == null) {
            scopeReason = "no contract in force for " + client.slug() + " on "
                    + LocalDate.ofInstant(createdAt, client.details().zone());
        } else if (service != null
                && !contract.terms().services().isEmpty()
                && contract.terms().services().stream().noneMatch(s -> s.equalsIgnoreCase(service))) {
            scopeReason = "service \"" + service + "\" is not covered by contract " + contract.id() + " (covers: "
                    + String.join(", ", contract.terms().services()) + ")";
        } else {
            policy = policyOf.apply(contract);
        }
        Ticket.Coverage coverage = policy == null
                ? Ticket.Coverage.outOfScope(scopeReason)
                : new Ticket.Coverage(
                        contract.id().value(),
                        policy.tier().value(),
                        policy.version(),
                        contract.terms().calendar().value(),
                        null);
        return new Ticket(
                TicketId.random(),
                client.id(),
                coverage,
                priority,
                TicketStatus.NEW,
                null,
                new Ticket.Request(service, subject, description, requester),
                new Ticket.Origin(source, externalId),
                Ticket.Assignment.NOBODY,
                createdAt,
                createdAt);
    }

    /** The CREATED event of a new ticket. */
    public RecordedEvent created(Ticket ticket, String eventId, Instant now) {
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                1,
                EventType.CREATED,
                ticket.createdAt(),
                ticket.priority(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ticket.origin().source(),
                eventId,
                now,
                null);
    }

    /**
     * Records an event on a ticket and recomputes its clocks. A late event (earlier than events already
     * stored) takes its place in the timeline.
     */
    @Transactional
    public RecordedEvent record(TicketId id, TicketEventDocument document, Scope scope) {
        return record(id, ClientWrites.event(document, scope), scope, AuditLog.currentActor());
    }

    /** Records an event of Pledge's own (an escalation's action), audited as done by {@code actor}. */
    @Transactional
    public RecordedEvent record(TicketId id, TicketEventDocument document, String actor) {
        return record(id, document, Scope.everything(), actor);
    }

    private RecordedEvent record(TicketId id, TicketEventDocument document, Scope scope, String actor) {
        Ticket ticket = tickets.lock(id, scope).orElseThrow(() -> new NotFoundException("ticket", id));
        Instant now = Timestamps.now(clock);
        Violations violations = new Violations();
        RecordedEvent event = event(ticket, document, null, ticketEvents.nextSeq(id), now, violations, "");
        violations.throwIfAny();
        ticketEvents.append(List.of(event));
        audit.append(TicketAudit.event(ticket, event, actor));
        refresh.update(
                List.of(ticket),
                Map.of(ticket.id(), ticketEvents.of(id, Scope.everything())),
                now,
                ClockRefresh.Thresholds.FIRE);
        return event;
    }

    /** A ticket within the scope, as stored now. */
    @Transactional(readOnly = true)
    public Optional<Ticket> find(TicketId id, Scope scope) {
        return tickets.find(id, scope);
    }

    /**
     * Validates an event document for a ticket; null when invalid (violations recorded under
     * {@code prefix}).
     */
    public RecordedEvent event(
            Ticket ticket,
            TicketEventDocument document,
            String eventId,
            long seq,
            Instant now,
            Violations violations,
            String prefix) {
        EventDefinition definition = EventDefinition.parse(
                document,
                ticket.createdAt(),
                now,
                priorities,
                (label, f) -> sources.statusReader(ticket.origin().source()).read(label, f),
                catalog,
                violations.under(prefix));
        if (definition == null) {
            return null;
        }
        EventParser.Details details = definition.details();
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                seq,
                definition.type(),
                definition.at(),
                details.priority(),
                details.status(),
                details.statusLabel(),
                details.authorName(),
                details.isPublic(),
                definition.body(),
                definition.technician(),
                definition.team(),
                ticket.origin().source(),
                eventId,
                now,
                null);
    }
}
