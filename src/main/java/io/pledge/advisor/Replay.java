package io.pledge.advisor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tier's ticket history replayed under a proposed policy, side by side with what the policies in force gave:
 * the tickets raised in the period by the chosen clients, each followed to {@code evaluatedAt}.
 *
 * @param currentVersion the tier's policy version in force now (each ticket keeps the version fixed at its
 *     creation on the current side)
 * @param proposal the saved proposal replayed, or null for a policy sent with the request
 * @param tickets how many tickets were replayed
 * @param metrics per metric, every client and priority together
 * @param priorities per priority and metric, every client together
 * @param clients per client: per priority and metric, and the response and resolution credits owed
 * @param changedTickets how many tickets have at least one clock whose outcome changes
 * @param changes the clocks whose outcome changes, oldest ticket first, at most {@link #CHANGES_SHOWN}
 */
public record Replay(
        UUID tierId,
        String tier,
        int currentVersion,
        UUID proposal,
        Period period,
        Instant evaluatedAt,
        int tickets,
        List<Line> metrics,
        List<Line> priorities,
        List<ClientLine> clients,
        int changedTickets,
        List<Change> changes) {

    /** At most this many changed clocks are listed; {@code changedTickets} counts them all. */
    public static final int CHANGES_SHOWN = 500;

    /** The period's days, read in each client's zone. */
    public record Period(String label, LocalDate firstDay, LocalDate lastDay) {}

    /**
     * How the clocks of one group stood on one side.
     *
     * @param clocks every clock that counted (cancelled ones do not)
     * @param stopped clocks stopped met or breached
     * @param met stopped within the target
     * @param breached stopped after breaching
     * @param openBreached still open and already breached
     * @param breaches {@code breached + openBreached}
     * @param metPercent {@code met ÷ stopped}, 2 decimals half-even; null when none stopped
     * @param paused business time the clocks spent in each pause status
     */
    public record Figures(
            int clocks,
            int stopped,
            int met,
            int breached,
            int openBreached,
            int breaches,
            BigDecimal metPercent,
            Map<String, Duration> paused,
            Duration pausedTotal) {}

    /** One group (a metric, optionally a priority) on both sides. */
    public record Line(String priority, String metric, Figures current, Figures proposed) {}

    /**
     * One client.
     *
     * @param credits the response and resolution credits owed on each side, null without a contract with a fee
     */
    public record ClientLine(UUID id, String slug, String name, int tickets, List<Line> lines, Credits credits) {}

    /**
     * Response and resolution credits (docs/adr/0031): the policy version in force at the period's start
     * against the proposal, under the contract in force then, the period priced as one.
     */
    public record Credits(String currency, BigDecimal current, BigDecimal proposed) {}

    /** A clock whose outcome differs between the two sides. */
    public record Change(UUID ticket, String client, String metric, Outcome current, Outcome proposed) {}

    /** A clock's outcome on one side; state NONE when that side's policy gives the priority no target. */
    public record Outcome(
            String state, String priority, Duration target, Duration elapsed, Instant breachedAt, Instant stoppedAt) {}
}
