package io.pledge.clients;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.Calendars;
import io.pledge.calendar.HolidaySets;
import io.pledge.calendar.StoredCalendar;
import io.pledge.calendar.TimeRange;
import io.pledge.core.Scope;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Target;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's terms as the client reads them ({@link ContractSheet}): the one read behind the client
 * portal's contract page and {@code GET /api/v1/clients/{client}/terms}. Within a client's scope another
 * client is not found, exactly as one that does not exist.
 */
@Service
public class ContractSheets {

    private final Clients clients;
    private final Contracts contracts;
    private final Tiers tiers;
    private final Calendars calendars;
    private final PriorityScheme priorities;

    ContractSheets(Clients clients, Contracts contracts, Tiers tiers, Calendars calendars, PriorityScheme priorities) {
        this.clients = clients;
        this.contracts = contracts;
        this.tiers = tiers;
        this.calendars = calendars;
        this.priorities = priorities;
    }

    /** The client within the scope, by id or slug; empty when not found. */
    public Optional<Client> client(String reference, Scope scope) {
        return clients.findByReference(reference, scope);
    }

    /**
     * The terms of the client's contract in force at {@code at}; empty when the client has none then.
     *
     * @param client a client already found within the caller's scope ({@link #client})
     */
    @Transactional(readOnly = true)
    public Optional<ContractSheet> inForce(Client client, Instant at) {
        return contracts.inForce(client.id(), at).map(contract -> sheet(client, contract, at));
    }

    private ContractSheet sheet(Client client, Contract contract, Instant at) {
        ContractTerms terms = contract.terms();
        Tier tier = tiers.find(terms.tier()).orElseThrow();
        TierPolicy policy = tiers.policyAt(terms.tier(), at).orElse(tier.currentPolicy());
        StoredCalendar calendar = calendars.find(terms.calendar()).orElseThrow();
        int year = at.atZone(calendar.definition().zone()).getYear();
        return new ContractSheet(
                at,
                new ContractSheet.ClientLine(
                        client.name(), client.slug(), client.details().zone()),
                new ContractSheet.ContractLine(
                        terms.startDate(),
                        terms.endDate(),
                        terms.services(),
                        terms.monthlyFee(),
                        terms.currency().getCurrencyCode()),
                new ContractSheet.TierLine(tier.name(), tier.description(), policy.version(), policy.effectiveFrom()),
                targets(policy.terms()),
                policy.terms().uptimeTarget(),
                policy.terms().credits(),
                policy.terms().ticketCredits(),
                policy.terms().creditCapPercent(),
                calendar(calendar.definition(), year));
    }

    private List<ContractSheet.PriorityTargets> targets(PolicyTerms terms) {
        Map<Priority, Target[]> byPriority = new TreeMap<>();
        for (Target target : terms.sla().targets()) {
            byPriority
                    .computeIfAbsent(target.priority(), p -> new Target[2])[
                    target.metric() == Metric.FIRST_RESPONSE ? 0 : 1] = target;
        }
        List<ContractSheet.PriorityTargets> lines = new ArrayList<>();
        byPriority.forEach((priority, pair) -> lines.add(new ContractSheet.PriorityTargets(
                priority.code(),
                priorities.displayNames().get(priority),
                pair[0] == null ? null : pair[0].duration(),
                calendarName(pair[0]),
                pair[1] == null ? null : pair[1].duration(),
                calendarName(pair[1]),
                pair[0] == null ? null : pair[0].businessDays(),
                pair[1] == null ? null : pair[1].businessDays())));
        return lines;
    }

    private String calendarName(Target target) {
        return target == null
                ? null
                : target.calendar()
                        .flatMap(calendars::find)
                        .map(found -> found.definition().name())
                        .orElse(null);
    }

    static ContractSheet.CalendarLine calendar(CalendarDefinition definition, int year) {
        List<ContractSheet.Day> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new ContractSheet.Day(day, ranges(definition.hours().on(day))));
        }
        List<ContractSheet.HolidaySet> sets = definition.holidaySets().stream()
                .map(code -> new ContractSheet.HolidaySet(
                        code,
                        HolidaySets.standard().closedDates(code, year).stream()
                                .sorted()
                                .toList()))
                .toList();
        LocalDate from = LocalDate.of(year, 1, 1);
        return new ContractSheet.CalendarLine(
                definition.name(),
                definition.zone(),
                definition.hours().isAlwaysOpen(),
                week,
                year,
                sets,
                definition.holidays().tailSet(from).stream().toList(),
                definition.overrides().tailMap(from).entrySet().stream()
                        .map(entry -> new ContractSheet.Override(entry.getKey(), ranges(entry.getValue())))
                        .toList());
    }

    private static List<String> ranges(List<TimeRange> ranges) {
        return ranges.stream().map(range -> range.start() + "–" + range.end()).toList();
    }
}
