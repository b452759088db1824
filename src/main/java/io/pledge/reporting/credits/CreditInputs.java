package io.pledge.reporting.credits;

import io.pledge.clients.ContractTerms;
import io.pledge.clients.TierPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Everything a period's credits are priced from: the tier policy version whose schedules apply, the
 * contract (its fee, currency and covered services), the figures of each monitor of the contract and of
 * each metric and priority of its tickets.
 */
public record CreditInputs(
        TierPolicy policy, ContractTerms contract, List<MonitorFigures> monitors, List<MetFigures> met) {

    public CreditInputs {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(contract.monthlyFee(), "contract.monthlyFee");
        Objects.requireNonNull(contract.currency(), "contract.currency");
        monitors = monitors == null ? List.of() : List.copyOf(monitors);
        met = met == null ? List.of() : List.copyOf(met);
    }

    /** The same inputs with the clocks still open stopped as they stand: met on time, breached when breached. */
    public CreditInputs projected() {
        return new CreditInputs(
                policy,
                contract,
                monitors,
                met.stream().map(MetFigures::projected).toList());
    }

    public CreditInputs withMonitors(List<MonitorFigures> monitors) {
        return new CreditInputs(policy, contract, monitors, met);
    }

    public CreditInputs withMet(List<MetFigures> met) {
        return new CreditInputs(policy, contract, monitors, met);
    }
}
