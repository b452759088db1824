package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.sla.ClockState;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored SLA clocks of a period, read for reports: the clock rows as the engine last wrote them, never
 * recomputed. Every method keeps to a {@link Scope}: a client's scope reads its own client's rows only.
 * Periods are half-open {@code [from, to)}.
 */
public interface ClockRecords {

    /**
     * One stored clock.
     *
     * @param externalId the ticket's id in its source; read, like the subject, only for a breached clock (a breach
     *     instant or state, the clocks a report lists), null for the others
     * @param subject the ticket's subject, a public field (never an internal note's text); null for a clock
     *     not breached
     * @param priority the priority the clock counts against (after a retroactive change, the new one)
     * @param elapsed business time counted, as of the row's last evaluation (final once stopped)
     * @param breachedAt the instant the target was exceeded: stored, or the due instant a running clock
     *     passed before it was recomputed
     * @param paused the pause time stored with the row, or null for a row written before pause time was
     *     stored (its ticket's timeline must be replayed for it)
     */
    record ClockRecord(
            TicketId ticket,
            String externalId,
            String subject,
            UUID clientId,
            UUID tierId,
            Integer policyVersion,
            UUID calendarId,
            Metric metric,
            ClockState state,
            Priority priority,
            Duration target,
            Duration elapsed,
            Instant createdAt,
            Instant breachedAt,
            Instant stoppedAt,
            Paused paused) {

        /** Whether the clock stopped inside {@code [from, to)} as met or breached (cancelled clocks do not count). */
        public boolean stoppedWithin(Instant from, Instant to) {
            return stoppedAt != null
                    && !stoppedAt.isBefore(from)
                    && stoppedAt.isBefore(to)
                    && state != ClockState.CANCELLED;
        }

        /** Whether the clock was still open at {@code at} and had exceeded its target before it. */
        public boolean openAndBreachedAt(Instant at) {
            return createdAt.isBefore(at)
                    && (stoppedAt == null || !stoppedAt.isBefore(at))
                    && state != ClockState.CANCELLED
                    && breachedAt != null
                    && breachedAt.isBefore(at);
        }
    }

    /** A ticket created in the period without SLA clocks, and why. */
    record OutOfScope(
            TicketId ticket, String externalId, Priority priority, String service, Instant createdAt, String reason) {}

    /**
     * Business time a ticket's clock spent paused in its current cycle, by reason: waiting on the customer,
     * waiting on a vendor, and every other pause status of its policy together.
     */
    record Paused(
            TicketId ticket, Metric metric, Duration waitingOnCustomer, Duration waitingOnVendor, Duration other) {

        /** The engine's pause time by status, folded into the three reasons. */
        public static Paused of(TicketId ticket, Metric metric, Map<TicketStatus, Duration> byStatus) {
            Duration customer = Duration.ZERO;
            Duration vendor = Duration.ZERO;
            Duration other = Duration.ZERO;
            for (Map.Entry<TicketStatus, Duration> paused : byStatus.entrySet()) {
                switch (paused.getKey()) {
                    case WAITING_ON_CUSTOMER -> customer = customer.plus(paused.getValue());
                    case WAITING_ON_VENDOR -> vendor = vendor.plus(paused.getValue());
                    default -> other = other.plus(paused.getValue());
                }
            }
            return new Paused(ticket, metric, customer, vendor, other);
        }

        /** A stored figure in microseconds, the precision of every instant Pledge stores. */
        public static long micros(Duration duration) {
            return Math.multiplyExact(duration.getSeconds(), 1_000_000L) + duration.getNano() / 1_000;
        }
    }

    /** Half-open bounds {@code [from, to)} of a period. */
    record Bounds(Instant from, Instant to) {}

    /**
     * Clients counted over the same two periods (the clients of one zone, each period in that zone); the
     * previous period starts and ends no later than the current one.
     */
    record TallyGroup(Collection<UUID> clients, Bounds current, Bounds previous) {}

    /**
     * How clocks of one tier and metric stood over a period.
     *
     * @param stopped clocks that stopped met or breached in the period
     * @param openBreached clocks still open at the period's end and already breached
     */
    record Counts(long stopped, long met, long breached, long openBreached) {}

    /**
     * How a client's clocks of one tier and metric stood over the current period and the previous one of
     * its group. A client, tier and metric with a clock created before a period's end and not stopped
     * before its start has a tally, even when every count is zero.
     */
    record Tally(UUID clientId, UUID tierId, Metric metric, Counts current, Counts previous) {}

    /** A ticket as the SLA engine reads it, with its stored events in the engine's order (no event text). */
    record History(Ticket ticket, List<RecordedEvent> events) {}

    /** How many clocks of one metric and priority were open and within their target at an instant. */
    record OpenOnTime(Metric metric, Priority priority, long clocks) {}

    /**
     * The client's clocks that stopped in the period (met or breached) and those still open at its end
     * that had already exceeded their target, in one query over the client's clock rows that stopped from
     * {@code from} on or not at all (one range of index {@code ticket_clock_client_stopped}), and one by key
     * for the texts of the breached ones' tickets. Asked for the previous period's start to the current
     * period's end, it holds both periods' records.
     */
    List<ClockRecord> ofPeriod(UUID client, Instant from, Instant to, Scope scope);

    /**
     * The client's clocks open at {@code at} and not breached before it (neither a stored breach nor a due
     * instant passed while running), counted per metric and priority in one aggregate query.
     */
    List<OpenOnTime> openOnTime(UUID client, Instant at, Scope scope);

    /** The client's tickets created in the period that have no SLA clocks, oldest first. */
    List<OutOfScope> outOfScope(UUID client, Instant from, Instant to, Scope scope);

    /**
     * The pause time of the clocks that stopped in the period, as the engine finds it replaying each ticket's
     * stored timeline (one query for the tickets, one for their events). For clock rows written before their
     * pause time was stored ({@link ClockRecord#paused()} null); rows written since carry the same figures.
     */
    List<Paused> pausedOfPeriod(UUID client, Instant from, Instant to, Scope scope);

    /**
     * The client's tickets of one tier created in {@code [from, to)}, with SLA clocks, and their stored
     * events, oldest ticket first: for replaying history under another policy. Two queries.
     */
    List<History> histories(UUID client, UUID tier, Instant from, Instant to, Scope scope);

    /**
     * Per client, tier and metric, how the clocks stood over each group's two periods: one aggregate query
     * over the clock rows not stopped before a previous period's start, all groups at once (one per 5,000
     * clients), no ticket read.
     */
    List<Tally> tallies(List<TallyGroup> groups, Scope scope);
}
