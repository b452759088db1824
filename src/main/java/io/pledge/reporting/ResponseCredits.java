package io.pledge.reporting;

import io.pledge.clients.ContractTerms;
import io.pledge.clients.TierPolicy;
import io.pledge.reporting.credits.CreditInputs;
import io.pledge.reporting.credits.CreditStatement;
import io.pledge.reporting.credits.MetFigures;
import io.pledge.reporting.credits.ServiceCredits;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.math.BigDecimal;
import java.util.List;

/**
 * The response and resolution credits a period's clocks owe under a policy's {@code ticketCredits} schedule
 * and its cap, priced exactly as the compliance report prices them ({@link ServiceCredits}, docs/adr/0031),
 * without availability lines: for a replay of ticket history under a proposed policy.
 */
public final class ResponseCredits {

    private ResponseCredits() {}

    /**
     * The clocks of one metric and priority that stopped in the period.
     *
     * @param breachIds one id per stopped clock that was breached
     */
    public record Stopped(Metric metric, Priority priority, int stopped, List<String> breachIds) {}

    /** What the clocks owe, capped; zero when the schedule names no step they hit. */
    public record Owed(BigDecimal total, BigDecimal owedBeforeCap, boolean capped, String currency, int lines) {}

    /** The credits the clocks owe under the policy's schedule and the contract's fee. */
    public static Owed of(TierPolicy policy, ContractTerms contract, List<Stopped> clocks) {
        List<MetFigures> met = clocks.stream()
                .map(each -> MetFigures.of(each.metric(), each.priority(), each.stopped(), each.breachIds()))
                .toList();
        CreditStatement statement = ServiceCredits.compute(new CreditInputs(policy, contract, List.of(), met));
        return new Owed(
                statement.total(),
                statement.owedBeforeCap(),
                statement.capped(),
                statement.currency().getCurrencyCode(),
                statement.lines().size());
    }
}
