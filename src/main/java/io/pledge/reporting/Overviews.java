package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.monitoring.PeriodUptime;
import io.pledge.reporting.Overview.ClientLine;
import io.pledge.reporting.Overview.TierLine;
import io.pledge.sla.Metric;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.Bounds;
import io.pledge.tickets.ClockRecords.Tally;
import io.pledge.tickets.ClockRecords.TallyGroup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The MSP-wide overview: the clients' clock tallies in one aggregate query (every zone, both periods), and each
 * monitor's availability as the monitoring module computes it.
 */
@Service
public class Overviews {

    private final Clients clients;
    private final Contracts contracts;
    private final Tiers tiers;
    private final ClockRecords clocks;
    private final MonitorCatalog monitors;
    private final AvailabilityQueries availability;
    private final Clock clock;

    Overviews(
            Clients clients,
            Contracts contracts,
            Tiers tiers,
            ClockRecords clocks,
            MonitorCatalog monitors,
            AvailabilityQueries availability,
            Clock clock) {
        this.clients = clients;
        this.contracts = contracts;
        this.tiers = tiers;
        this.clocks = clocks;
        this.monitors = monitors;
        this.availability = availability;
        this.clock = clock;
    }

    /** Counts of one client (or tier) and metric. */
    private record Counts(long stopped, long met, long breached, long openBreached) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        static Counts of(ClockRecords.Counts counts) {
            return new Counts(counts.stopped(), counts.met(), counts.breached(), counts.openBreached());
        }

        Counts plus(Counts other) {
            return new Counts(
                    stopped + other.stopped,
                    met + other.met,
                    breached + other.breached,
                    openBreached + other.openBreached);
        }

        BigDecimal metPercent() {
            return ReportNumbers.percent(met, stopped);
        }
    }

    /** Per client or tier, per metric. */
    private static final class Book {
        final Map<Metric, Counts> now = new HashMap<>();
        final Map<Metric, Counts> before = new HashMap<>();

        Counts now(Metric metric) {
            return now.getOrDefault(metric, Counts.NONE);
        }

        Counts before(Metric metric) {
            return before.getOrDefault(metric, Counts.NONE);
        }

        long breaches(Map<Metric, Counts> side) {
            return side.values().stream().mapToLong(Counts::breached).sum();
        }

        long openBreached() {
            return now.values().stream().mapToLong(Counts::openBreached).sum();
        }
    }

    public Overview of(ReportPeriod period, Scope scope) {
        Instant now = Timestamps.now(clock);
        ReportPeriod previous = period.previous();
        List<Client> all = clients.all().stream()
                .filter(c -> scope.includes(c.id().value()))
                .toList();
        Map<ZoneId, List<UUID>> byZone = new LinkedHashMap<>();
        all.forEach(c -> byZone.computeIfAbsent(c.details().zone(), z -> new ArrayList<>())
                .add(c.id().value()));
        Map<UUID, Book> byClient = new HashMap<>();
        Map<UUID, Book> byTier = new LinkedHashMap<>();
        Map<UUID, java.util.Set<UUID>> tierClients = new HashMap<>();
        List<TallyGroup> groups = new ArrayList<>();
        for (Map.Entry<ZoneId, List<UUID>> zone : byZone.entrySet()) {
            groups.add(new TallyGroup(
                    zone.getValue(), bounds(period, zone.getKey(), now), bounds(previous, zone.getKey(), now)));
        }
        for (Tally tally : clocks.tallies(groups, scope)) {
            Book client = byClient.computeIfAbsent(tally.clientId(), id -> new Book());
            client.now.merge(tally.metric(), Counts.of(tally.current()), Counts::plus);
            client.before.merge(tally.metric(), Counts.of(tally.previous()), Counts::plus);
            if (tally.tierId() != null) {
                Book tier = byTier.computeIfAbsent(tally.tierId(), id -> new Book());
                tier.now.merge(tally.metric(), Counts.of(tally.current()), Counts::plus);
                tier.before.merge(tally.metric(), Counts.of(tally.previous()), Counts::plus);
                tierClients
                        .computeIfAbsent(tally.tierId(), id -> new java.util.HashSet<>())
                        .add(tally.clientId());
            }
        }
        // Every monitor in one read, in the order each client's own list has (by name, then id).
        Map<UUID, List<Monitor>> monitorsByClient = new HashMap<>();
        for (Monitor monitor : monitors.list(null, scope)) {
            monitorsByClient
                    .computeIfAbsent(monitor.client().value(), c -> new ArrayList<>())
                    .add(monitor);
        }
        List<ClientLine> clientLines = new ArrayList<>();
        Map<UUID, Boolean> atRisk = new HashMap<>();
        for (Client client : all) {
            UUID id = client.id().value();
            ZoneId zone = client.details().zone();
            Instant start = period.start(zone);
            Instant end = period.end(zone);
            Optional<Contract> contract =
                    contracts.inForce(client.id(), until(end, start, now).minusNanos(1));
            contract.ifPresent(c -> tierClients
                    .computeIfAbsent(c.terms().tier().value(), t -> new java.util.HashSet<>())
                    .add(id));
            Book book = byClient.getOrDefault(id, new Book());
            List<String> risks = new ArrayList<>();
            if (book.openBreached() > 0) {
                risks.add(book.openBreached() + " clocks open and breached at the period's end");
            }
            int below = 0;
            BigDecimal lowest = null;
            List<Monitor> watched = monitorsByClient.getOrDefault(id, List.of());
            for (Monitor monitor : watched) {
                PeriodUptime uptime = availability.uptime(monitor, start, end);
                if (uptime.availability() != null) {
                    lowest = lowest == null || uptime.availability().compareTo(lowest) < 0
                            ? uptime.availability()
                            : lowest;
                    if (!uptime.meetsTarget()) {
                        below++;
                        risks.add(monitor.name() + " at "
                                + uptime.availability().stripTrailingZeros().toPlainString() + " % against "
                                + uptime.target().toPlainString() + " %");
                    }
                }
            }
            atRisk.put(id, !risks.isEmpty());
            clientLines.add(new ClientLine(
                    id,
                    client.name(),
                    client.slug(),
                    zone.getId(),
                    contract.map(c -> tierName(c.terms().tier())).orElse(null),
                    book.now(Metric.FIRST_RESPONSE).stopped(),
                    book.now(Metric.FIRST_RESPONSE).metPercent(),
                    change(
                            book.now(Metric.FIRST_RESPONSE).metPercent(),
                            book.before(Metric.FIRST_RESPONSE).metPercent()),
                    book.now(Metric.RESOLUTION).stopped(),
                    book.now(Metric.RESOLUTION).metPercent(),
                    change(
                            book.now(Metric.RESOLUTION).metPercent(),
                            book.before(Metric.RESOLUTION).metPercent()),
                    book.breaches(book.now),
                    book.breaches(book.now) - book.breaches(book.before),
                    book.openBreached(),
                    watched.size(),
                    below,
                    lowest,
                    !risks.isEmpty(),
                    risks));
        }
        // Most at risk first, then the lowest resolution compliance.
        clientLines.sort(Comparator.comparing((ClientLine line) -> !line.atRisk())
                .thenComparing(ClientLine::resolutionMetPercent, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ClientLine::name));
        List<TierLine> tierLines = new ArrayList<>();
        for (Map.Entry<UUID, java.util.Set<UUID>> tier : tierClients.entrySet()) {
            Book book = byTier.getOrDefault(tier.getKey(), new Book());
            tierLines.add(new TierLine(
                    tier.getKey(),
                    tierName(new TierId(tier.getKey())),
                    tier.getValue().size(),
                    book.now(Metric.FIRST_RESPONSE).stopped(),
                    book.now(Metric.FIRST_RESPONSE).metPercent(),
                    change(
                            book.now(Metric.FIRST_RESPONSE).metPercent(),
                            book.before(Metric.FIRST_RESPONSE).metPercent()),
                    book.now(Metric.RESOLUTION).stopped(),
                    book.now(Metric.RESOLUTION).metPercent(),
                    change(
                            book.now(Metric.RESOLUTION).metPercent(),
                            book.before(Metric.RESOLUTION).metPercent()),
                    book.breaches(book.now),
                    book.breaches(book.now) - book.breaches(book.before),
                    book.openBreached(),
                    (int) tier.getValue().stream()
                            .filter(c -> atRisk.getOrDefault(c, false))
                            .count()));
        }
        tierLines.sort(Comparator.comparing(TierLine::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Overview(
                period.label(),
                period.firstDay(),
                period.lastDay(),
                previous.label(),
                now,
                tierLines,
                clientLines,
                List.of(
                        "Each client's figures are counted in its own zone over the period's days; its tier is the"
                                + " one of its contract in force at the period's end.",
                        "A tier's figures add up the clocks counted under it (the tier of each ticket's contract"
                                + " when the ticket was created); its clients are those with such clocks or a"
                                + " contract on it.",
                        "Clocks, met %, breaches and open breaches are counted as in the compliance report;"
                                + " changes compare with " + previous.label() + ", in points for percentages.",
                        "A client is at risk when a clock was open and breached at the period's end or a monitor"
                                + " was below its availability target."));
    }

    private String tierName(TierId tier) {
        return tiers.find(tier).map(Tier::name).orElse(tier.value().toString());
    }

    /** A period in a zone, counted up to now while it runs. */
    private static Bounds bounds(ReportPeriod period, ZoneId zone, Instant now) {
        Instant start = period.start(zone);
        return new Bounds(start, until(period.end(zone), start, now));
    }

    private static Instant until(Instant end, Instant start, Instant now) {
        return end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }
}
