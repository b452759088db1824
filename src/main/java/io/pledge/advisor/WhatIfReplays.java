package io.pledge.advisor;

import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ReportNumbers;
import io.pledge.reporting.ReportPeriod;
import io.pledge.reporting.ResponseCredits;
import io.pledge.sla.ClockState;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaClock;
import io.pledge.sla.SlaPolicyDocument;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.History;
import io.pledge.tickets.SlaCalculator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays a tier's stored ticket history under a proposed policy, changing nothing stored. Each ticket raised
 * in the period (in its client's zone) is evaluated twice as of now by the live path's engine
 * ({@link SlaCalculator}): under the policy version fixed at its creation, and under the proposal, with the
 * same timeline and calendars (a target's own, else the contract's). Proposals are saved, compared and adopted
 * as the tier's next policy version through the clients module ({@link Tiers#revise}), so versions stay
 * immutable (docs/adr/0002).
 */
@Service
public class WhatIfReplays {

    private final Clients clients;
    private final Contracts contracts;
    private final Tiers tiers;
    private final Calendars calendars;
    private final PriorityScheme priorities;
    private final ClockRecords records;
    private final SlaCalculator calculator;
    private final Proposals proposals;
    private final Clock clock;

    WhatIfReplays(
            Clients clients,
            Contracts contracts,
            Tiers tiers,
            Calendars calendars,
            PriorityScheme priorities,
            ClockRecords records,
            SlaCalculator calculator,
            Proposals proposals,
            Clock clock) {
        this.clients = clients;
        this.contracts = contracts;
        this.tiers = tiers;
        this.calendars = calendars;
        this.priorities = priorities;
        this.records = records;
        this.calculator = calculator;
        this.proposals = proposals;
        this.clock = clock;
    }

    /**
     * Validates a proposed policy document as the tier policy API does, naming fields under {@code prefix}.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field (400)
     * @throws UnprocessableException naming every target's calendar that does not exist (422)
     */
    public PolicyTerms terms(TierPolicyDocument document, String prefix) {
        Violations violations = new Violations();
        if (document == null) {
            violations.add(prefix.isEmpty() ? "policy" : prefix.substring(0, prefix.length() - 1), "is required");
            violations.throwIfAny();
        }
        PolicyTerms terms = PolicyTerms.parse(document, priorities, violations.under(prefix));
        violations.throwIfAny();
        requireCalendars(terms, prefix);
        return terms;
    }

    /** The replay of a policy over the period, for the chosen clients (every client in the scope when none). */
    public Replay replay(
            Tier tier, PolicyTerms proposed, UUID proposal, ReportPeriod period, List<Client> chosen, Scope scope) {
        Instant now = Timestamps.now(clock);
        List<Client> read = chosen.isEmpty()
                ? clients.all().stream()
                        .filter(c -> scope.includes(c.id().value()))
                        .toList()
                : chosen;
        Map<Key, Tally[]> byClient = new TreeMap<>();
        Map<UUID, Integer> ticketsByClient = new HashMap<>();
        Map<UUID, Map<Key, List<String>[]>> breachIds = new HashMap<>();
        Set<UUID> changedTickets = new HashSet<>();
        List<Replay.Change> changes = new ArrayList<>();
        int tickets = 0;
        for (Client client : read) {
            ZoneId zone = client.details().zone();
            Instant start = period.start(zone);
            Instant end = period.end(zone);
            if (!start.isBefore(now)) {
                continue;
            }
            UUID clientId = client.id().value();
            for (History history : records.histories(clientId, tier.id().value(), start, end, scope)) {
                tickets++;
                ticketsByClient.merge(clientId, 1, Integer::sum);
                List<SlaClock> current = calculator.clocks(history.ticket(), history.events(), now);
                List<SlaClock> replayed = calculator.clocks(history.ticket(), history.events(), now, proposed.sla());
                Map<Metric, SlaClock[]> sides = new EnumMap<>(Metric.class);
                for (SlaClock each : current) {
                    sides.computeIfAbsent(each.metric(), m -> new SlaClock[2])[0] = each;
                }
                for (SlaClock each : replayed) {
                    sides.computeIfAbsent(each.metric(), m -> new SlaClock[2])[1] = each;
                }
                String ticketId = history.ticket().id().value().toString();
                for (Map.Entry<Metric, SlaClock[]> side : sides.entrySet()) {
                    SlaClock before = side.getValue()[0];
                    SlaClock after = side.getValue()[1];
                    Priority priority = (before != null ? before : after).priority();
                    Key key = new Key(clientId, priority, side.getKey());
                    Tally[] pair = byClient.computeIfAbsent(key, k -> new Tally[] {new Tally(), new Tally()});
                    pair[0].add(before);
                    pair[1].add(after);
                    @SuppressWarnings("unchecked")
                    List<String>[] ids = breachIds
                            .computeIfAbsent(clientId, c -> new HashMap<>())
                            .computeIfAbsent(key, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
                    if (stoppedBreached(before)) {
                        ids[0].add(ticketId);
                    }
                    if (stoppedBreached(after)) {
                        ids[1].add(ticketId);
                    }
                    if (!state(before).equals(state(after))) {
                        changedTickets.add(history.ticket().id().value());
                        if (changes.size() < Replay.CHANGES_SHOWN) {
                            changes.add(new Replay.Change(
                                    history.ticket().id().value(),
                                    client.slug(),
                                    side.getKey().name(),
                                    outcome(before),
                                    outcome(after)));
                        }
                    }
                }
            }
        }

        Map<Key, Tally[]> byMetric = new TreeMap<>();
        Map<Key, Tally[]> byPriority = new TreeMap<>();
        byClient.forEach((key, pair) -> {
            merge(byMetric, new Key(null, null, key.metric()), pair);
            merge(byPriority, new Key(null, key.priority(), key.metric()), pair);
        });
        List<Replay.ClientLine> clientLines = new ArrayList<>();
        TierPolicy proposedPolicy = new TierPolicy(tier.id(), 0, now, "proposal", proposed);
        for (Client client : read.stream()
                .sorted(Comparator.comparing(Client::name).thenComparing(Client::slug))
                .toList()) {
            UUID clientId = client.id().value();
            if (!ticketsByClient.containsKey(clientId)) {
                continue;
            }
            List<Replay.Line> lines = new ArrayList<>();
            byClient.forEach((key, pair) -> {
                if (key.client().equals(clientId)) {
                    lines.add(line(key, pair));
                }
            });
            clientLines.add(new Replay.ClientLine(
                    clientId,
                    client.slug(),
                    client.name(),
                    ticketsByClient.get(clientId),
                    lines,
                    credits(client, tier, period, proposedPolicy, breachIds.getOrDefault(clientId, Map.of()), byClient)
                            .orElse(null)));
        }
        return new Replay(
                tier.id().value(),
                tier.name(),
                tier.currentPolicy().version(),
                proposal,
                new Replay.Period(period.label(), period.firstDay(), period.lastDay()),
                now,
                tickets,
                byMetric.entrySet().stream()
                        .map(e -> line(e.getKey(), e.getValue()))
                        .toList(),
                byPriority.entrySet().stream()
                        .map(e -> line(e.getKey(), e.getValue()))
                        .toList(),
                clientLines,
                changedTickets.size(),
                changes);
    }

    /** Saves a proposal for a tier. */
    public Proposal propose(TierId tier, String name, PolicyTerms terms, String author) {
        return proposals.add(tier, name, terms, author);
    }

    /**
     * Saves a proposal as its tier's next policy version, in force from now, once.
     *
     * @throws NotFoundException when there is no such proposal
     * @throws ConflictException when it was adopted already
     * @throws UnprocessableException when a calendar it names is gone
     */
    @Transactional
    public TierPolicy adopt(UUID id, String author) {
        Proposal proposal = proposals.lock(id).orElseThrow(() -> new NotFoundException("proposal", id));
        if (proposal.adoptedVersion() != null) {
            throw new ConflictException(
                    "proposal", "was adopted already, as policy version " + proposal.adoptedVersion());
        }
        requireCalendars(proposal.terms(), "policy.");
        TierPolicy version = tiers.revise(proposal.tier(), proposal.terms(), author)
                .orElseThrow(() -> new NotFoundException("tier", proposal.tier().value()));
        if (!proposals.adopted(id, version.version())) {
            throw new ConflictException("proposal", "was adopted by someone else at the same moment");
        }
        return version;
    }

    private Optional<Replay.Credits> credits(
            Client client,
            Tier tier,
            ReportPeriod period,
            TierPolicy proposed,
            Map<Key, List<String>[]> breaches,
            Map<Key, Tally[]> byClient) {
        Instant start = period.start(client.details().zone());
        Optional<Contract> contract = contracts
                .inForce(client.id(), start)
                .or(() -> contracts.inForce(
                        client.id(), period.end(client.details().zone()).minusSeconds(1)));
        Optional<TierPolicy> current = tiers.policyAt(tier.id(), start);
        if (contract.isEmpty()
                || current.isEmpty()
                || contract.get().terms().monthlyFee() == null
                || contract.get().terms().currency() == null) {
            return Optional.empty();
        }
        List<ResponseCredits.Stopped> before = new ArrayList<>();
        List<ResponseCredits.Stopped> after = new ArrayList<>();
        byClient.forEach((key, pair) -> {
            if (key.client().equals(client.id().value())) {
                List<String>[] ids = breaches.get(key);
                before.add(new ResponseCredits.Stopped(key.metric(), key.priority(), pair[0].stopped, ids[0]));
                after.add(new ResponseCredits.Stopped(key.metric(), key.priority(), pair[1].stopped, ids[1]));
            }
        });
        ResponseCredits.Owed owedBefore =
                ResponseCredits.of(current.get(), contract.get().terms(), before);
        ResponseCredits.Owed owedAfter =
                ResponseCredits.of(proposed, contract.get().terms(), after);
        return Optional.of(new Replay.Credits(owedBefore.currency(), owedBefore.total(), owedAfter.total()));
    }

    private void requireCalendars(PolicyTerms terms, String prefix) {
        List<SlaPolicyDocument.TargetDocument> targets = terms.toDocument().targets();
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            String calendar = targets.get(i).calendarId();
            if (calendar != null && !calendars.exists(CalendarId.of(calendar))) {
                missing.add(new Violation(prefix + "targets[" + i + "].calendarId", "unknown calendar " + calendar));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableException(missing);
        }
    }

    private static void merge(Map<Key, Tally[]> into, Key key, Tally[] pair) {
        Tally[] sum = into.computeIfAbsent(key, k -> new Tally[] {new Tally(), new Tally()});
        sum[0].add(pair[0]);
        sum[1].add(pair[1]);
    }

    private static Replay.Line line(Key key, Tally[] pair) {
        return new Replay.Line(
                key.priority() == null ? null : key.priority().code(),
                key.metric().name(),
                pair[0].figures(),
                pair[1].figures());
    }

    private static boolean stoppedBreached(SlaClock clock) {
        return clock != null && clock.state() == ClockState.BREACHED && clock.stoppedAt() != null;
    }

    private static String state(SlaClock clock) {
        return clock == null ? "NONE" : clock.state().name();
    }

    private static Replay.Outcome outcome(SlaClock clock) {
        if (clock == null) {
            return new Replay.Outcome("NONE", null, null, null, null, null);
        }
        return new Replay.Outcome(
                clock.state().name(),
                clock.priority().code(),
                clock.target(),
                clock.elapsed(),
                clock.breachedAt(),
                clock.stoppedAt());
    }

    /** A group: a client (or none: all), a priority (or none: all) and a metric. */
    private record Key(UUID client, Priority priority, Metric metric) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(
                        Key::client, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::priority, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::metric);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** The counts of one group on one side. */
    private static final class Tally {
        int clocks;
        int stopped;
        int met;
        int breached;
        int openBreached;
        final Map<String, Duration> paused = new LinkedHashMap<>();

        void add(SlaClock clock) {
            if (clock == null || clock.state() == ClockState.CANCELLED) {
                return;
            }
            clocks++;
            boolean stop = clock.stoppedAt() != null;
            if (stop && clock.state() == ClockState.MET) {
                stopped++;
                met++;
            } else if (stop && clock.state() == ClockState.BREACHED) {
                stopped++;
                breached++;
            } else if (clock.state() == ClockState.BREACHED) {
                openBreached++;
            }
            for (Map.Entry<TicketStatus, Duration> pause : clock.paused().entrySet()) {
                paused.merge(pause.getKey().name(), pause.getValue(), Duration::plus);
            }
        }

        void add(Tally other) {
            clocks += other.clocks;
            stopped += other.stopped;
            met += other.met;
            breached += other.breached;
            openBreached += other.openBreached;
            other.paused.forEach((status, time) -> paused.merge(status, time, Duration::plus));
        }

        Replay.Figures figures() {
            Duration total = paused.values().stream().reduce(Duration.ZERO, Duration::plus);
            return new Replay.Figures(
                    clocks,
                    stopped,
                    met,
                    breached,
                    openBreached,
                    breached + openBreached,
                    ReportNumbers.percent(met, stopped),
                    new TreeMap<>(paused),
                    total);
        }
    }
}
