package io.pledge.reporting.credits;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clocks of one metric and priority over a period: how many stopped in it and which of those were
 * breached, and the clocks still open at its end.
 *
 * @param stopped the clocks that stopped in the period, met or breached
 * @param breachIds one id per stopped clock that was breached (the line's evidence); the others were met
 * @param openOnTime clocks still running within their target at the period's end (a forecast counts them
 *     met: nothing else goes wrong)
 * @param openBreachIds one id per clock still running and already breached (a forecast counts them breached)
 * @param waitingOnClient business time these clocks spent paused waiting on the client, not counted
 *     against the targets: shown on the statement as an exclusion
 */
public record MetFigures(
        Metric metric,
        Priority priority,
        int stopped,
        List<String> breachIds,
        int openOnTime,
        List<String> openBreachIds,
        Duration waitingOnClient) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Met % is stated, and priced, with this many decimals of a percent. */
    public static final int MET_SCALE = 6;

    public MetFigures {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(priority, "priority");
        breachIds = breachIds == null ? List.of() : List.copyOf(breachIds);
        openBreachIds = openBreachIds == null ? List.of() : List.copyOf(openBreachIds);
        waitingOnClient = waitingOnClient == null ? Duration.ZERO : waitingOnClient;
        if (stopped < 0 || openOnTime < 0) {
            throw new IllegalArgumentException("clock counts must not be negative");
        }
        if (breachIds.size() > stopped) {
            throw new IllegalArgumentException(
                    breachIds.size() + " breaches among " + stopped + " stopped clocks of " + metric + " " + priority);
        }
        if (waitingOnClient.isNegative()) {
            throw new IllegalArgumentException("waitingOnClient must not be negative");
        }
    }

    /** Stopped clocks only: for examples and tests. */
    public static MetFigures of(Metric metric, Priority priority, int stopped, List<String> breachIds) {
        return new MetFigures(metric, priority, stopped, breachIds, 0, List.of(), Duration.ZERO);
    }

    public int met() {
        return stopped - breachIds.size();
    }

    /**
     * The figures as the period closes if nothing else goes wrong: clocks running on time stop met, the
     * ones already breached stop breached.
     */
    public MetFigures projected() {
        List<String> breaches = new ArrayList<>(breachIds);
        breaches.addAll(openBreachIds);
        return new MetFigures(
                metric, priority, stopped + openOnTime + openBreachIds.size(), breaches, 0, List.of(), waitingOnClient);
    }

    /** Met % of {@code stopped} clocks of which {@code met} were met, rounded half-even; null when none stopped. */
    static BigDecimal metPercent(long met, long stopped) {
        if (stopped == 0) {
            return null;
        }
        return HUNDRED.multiply(BigDecimal.valueOf(met))
                .divide(BigDecimal.valueOf(stopped), MET_SCALE, RoundingMode.HALF_EVEN);
    }
}
