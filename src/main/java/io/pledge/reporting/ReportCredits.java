package io.pledge.reporting;

import io.pledge.clients.ClientId;
import io.pledge.clients.Contract;
import io.pledge.clients.Contracts;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.Tiers;
import io.pledge.monitoring.PeriodUptime;
import io.pledge.reporting.credits.CreditForecast;
import io.pledge.reporting.credits.CreditInputs;
import io.pledge.reporting.credits.CreditStatement;
import io.pledge.reporting.credits.MetFigures;
import io.pledge.reporting.credits.MonitorFigures;
import io.pledge.reporting.credits.ServiceCredits;
import io.pledge.sla.ClockState;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.tickets.ClockRecords;
import io.pledge.tickets.ClockRecords.ClockRecord;
import io.pledge.tickets.ClockRecords.Paused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The credits section of a compliance report: the period's figures handed to the credit calculation
 * ({@link ServiceCredits}, docs/adr/0031) under the client's contract in force at the period's start (else
 * at its last counted instant) and its tier's policy version in force at the period's start; for a period
 * not over yet, also the credit at risk ({@link ServiceCredits#forecast}).
 */
@Component
class ReportCredits {

    private final Contracts contracts;
    private final Tiers tiers;

    ReportCredits(Contracts contracts, Tiers tiers) {
        this.contracts = contracts;
        this.tiers = tiers;
    }

    /** The statement; empty when no contract with a fee was in force in the period. */
    Optional<CreditStatement> of(ClientId client, ComplianceReports.Figures figures) {
        return inputs(client, figures, false, List.of()).map(ServiceCredits::compute);
    }

    /**
     * The credit at risk of a period not over yet: the monitors over the whole period (downtime so far),
     * the clocks as they stand now with those still open on time; empty when no contract with a fee was in
     * force.
     */
    Optional<CreditForecast> forecast(
            ClientId client, ComplianceReports.Figures figures, List<ClockRecords.OpenOnTime> openOnTime) {
        return inputs(client, figures, true, openOnTime).map(ServiceCredits::forecast);
    }

    private Optional<CreditInputs> inputs(
            ClientId client,
            ComplianceReports.Figures figures,
            boolean wholePeriod,
            List<ClockRecords.OpenOnTime> openOnTime) {
        Optional<Contract> contract = contracts
                .inForce(client, figures.start())
                .or(() -> contracts.inForce(client, figures.until().minusNanos(1)));
        if (contract.isEmpty()
                || contract.get().terms().monthlyFee() == null
                || contract.get().terms().currency() == null) {
            return Optional.empty();
        }
        Optional<TierPolicy> policy = tiers.policyAt(contract.get().terms().tier(), figures.start());
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        List<MonitorFigures> monitors = new ArrayList<>();
        for (PeriodUptime uptime : figures.uptime()) {
            monitors.add(new MonitorFigures(
                    uptime.monitor().id(),
                    uptime.monitor().name(),
                    uptime.monitor().definition().commitment().service(),
                    wholePeriod ? uptime.whole().covered() : uptime.covered(),
                    wholePeriod ? uptime.whole().maintenance() : uptime.maintenance(),
                    wholePeriod ? uptime.whole().gaps() : uptime.gaps(),
                    uptime.downtime(),
                    uptime.downtimeIntervals().stream()
                            .map(ReportCredits::interval)
                            .toList(),
                    uptime.maintenanceWindows().stream()
                            .map(ReportCredits::interval)
                            .toList(),
                    uptime.monitoringGaps().stream()
                            .map(ReportCredits::interval)
                            .toList()));
        }
        return Optional.of(new CreditInputs(policy.get(), contract.get().terms(), monitors, met(figures, openOnTime)));
    }

    private static List<MetFigures> met(ComplianceReports.Figures figures, List<ClockRecords.OpenOnTime> openOnTime) {
        record Key(Metric metric, Priority priority) {}
        Map<Key, List<ClockRecord>> stopped =
                new TreeMap<>(Comparator.comparing(Key::metric).thenComparing(Key::priority));
        Map<Key, List<ClockRecord>> open = new HashMap<>();
        for (ClockRecord record : figures.stopped()) {
            stopped.computeIfAbsent(new Key(record.metric(), record.priority()), k -> new ArrayList<>())
                    .add(record);
        }
        for (ClockRecord record : figures.openBreached()) {
            Key key = new Key(record.metric(), record.priority());
            stopped.computeIfAbsent(key, k -> new ArrayList<>());
            open.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        Map<Key, Integer> onTime = new HashMap<>();
        for (ClockRecords.OpenOnTime counted : openOnTime) {
            Key key = new Key(counted.metric(), counted.priority());
            stopped.computeIfAbsent(key, k -> new ArrayList<>());
            onTime.merge(key, Math.toIntExact(counted.clocks()), Integer::sum);
        }
        Map<String, Duration> waiting = new HashMap<>();
        for (Paused paused : figures.paused()) {
            waiting.merge(paused.ticket().value() + "/" + paused.metric(), paused.waitingOnCustomer(), Duration::plus);
        }
        List<MetFigures> met = new ArrayList<>();
        stopped.forEach((key, records) -> met.add(new MetFigures(
                key.metric(),
                key.priority(),
                records.size(),
                records.stream()
                        .filter(r -> r.state() == ClockState.BREACHED)
                        .map(r -> r.ticket().value().toString())
                        .toList(),
                onTime.getOrDefault(key, 0),
                open.getOrDefault(key, List.of()).stream()
                        .map(r -> r.ticket().value().toString())
                        .toList(),
                records.stream()
                        .map(r -> waiting.getOrDefault(r.ticket().value() + "/" + r.metric(), Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))));
        return met;
    }

    private static String interval(PeriodUptime.Interval interval) {
        return interval.start() + "/" + (interval.end() == null ? "" : interval.end());
    }
}
