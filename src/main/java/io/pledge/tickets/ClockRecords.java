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
     * @param subject the ticket's subject, a public field (never an internal note's text)
     * @param priority the priority the clock counts against (after a retroactive change, the new one)
     * @param elapsed business time counted, as of the row's last evaluation (final once stopped)
     * @param breachedAt the instant the target was exceeded: stored, or the due instant a running clock
     *     passed before it was recomputed
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
            Instant stoppedAt) {

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

    /** Business time a ticket's clock spent in each pause status, in its current cycle. */
    record Paused(TicketId ticket, Metric metric, Map<TicketStatus, Duration> byStatus) {}

    /**
     * How a client's clocks of one tier and metric stood over a period.
     *
     * @param stopped clocks that stopped met or breached in the period
     * @param openBreached clocks still open at the period's end and already breached
     */
    record Tally(UUID clientId, UUID tierId, Metric metric, long stopped, long met, long breached, long openBreached) {}

    /** A ticket as the SLA engine reads it, with its stored events in the engine's order (no event text). */
    record History(Ticket ticket, List<RecordedEvent> events) {}

    /** How many clocks of one metric and priority were open and within their target at an instant. */
    record OpenOnTime(Metric metric, Priority priority, long clocks) {}

    /**
     * The client's clocks that stopped in the period (met or breached) and those still open at its end
     * that had already exceeded their target, in one query.
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
     * The pause time by status of the clocks that stopped in the period: each ticket's stored timeline
     * replayed by the engine (the clock rows keep no pause time), in one query for the events.
     */
    List<Paused> pausedOfPeriod(UUID client, Instant from, Instant to, Scope scope);

    /**
     * The client's tickets of one tier created in {@code [from, to)}, with SLA clocks, and their stored
     * events, oldest ticket first: for replaying history under another policy. Two queries.
     */
    List<History> histories(UUID client, UUID tier, Instant from, Instant to, Scope scope);

    /** Per client, tier and metric, how the clocks of the period stood: one aggregate query. */
    List<Tally> tallies(Collection<UUID> clients, Instant from, Instant to, Scope scope);
}
