package io.pledge.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The thresholds of tickets' clocks that fired, each once per clock cycle (ADR 0012). */
public interface ClockFirings {

    /** A threshold fired: crossed at an instant, fired at another (later, when it was crossed in the past). */
    record Firing(ClockThreshold threshold, Instant crossedAt, Instant firedAt) {}

    /** The thresholds already fired for these tickets. */
    Set<ClockThreshold> fired(Collection<TicketId> tickets);

    /** Records fired thresholds. */
    void record(List<Firing> firings);
}
