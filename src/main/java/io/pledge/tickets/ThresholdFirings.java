package io.pledge.tickets;

import io.pledge.sla.SlaClock;
import io.pledge.sla.ThresholdCrossing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fires each threshold a clock has crossed, once per clock cycle: records it with its crossing instant
 * and publishes {@link ClockWarned} or {@link ClockBreached}, in the caller's transaction (the one that
 * stores the recomputed clocks).
 */
@Component
class ThresholdFirings {

    private final ClockFirings clockFirings;
    private final ApplicationEventPublisher events;

    ThresholdFirings(ClockFirings clockFirings, ApplicationEventPublisher events) {
        this.clockFirings = clockFirings;
        this.events = events;
    }

    void fire(Collection<Ticket> evaluated, Map<TicketId, List<SlaClock>> clocks, Instant now) {
        List<Ticket> crossing = evaluated.stream()
                .filter(ticket -> clocks.getOrDefault(ticket.id(), List.of()).stream()
                        .anyMatch(clock -> clock.thresholds().stream().anyMatch(ThresholdCrossing::crossed)))
                .toList();
        if (crossing.isEmpty()) {
            return;
        }
        Set<ClockThreshold> fired =
                clockFirings.fired(crossing.stream().map(Ticket::id).toList());
        List<ClockFirings.Firing> firings = new ArrayList<>();
        for (Ticket ticket : crossing) {
            for (SlaClock clock : clocks.get(ticket.id())) {
                for (ThresholdCrossing threshold : clock.thresholds()) {
                    ClockThreshold key = new ClockThreshold(
                            ticket.id(),
                            clock.metric(),
                            clock.cycle(),
                            threshold.threshold().key());
                    if (!threshold.crossed() || !fired.add(key)) {
                        continue;
                    }
                    firings.add(new ClockFirings.Firing(key, threshold.at(), now));
                    events.publishEvent(
                            threshold.threshold().isBreach()
                                    ? new ClockBreached(
                                            ticket.id(),
                                            ticket.clientId(),
                                            ticket.coverage().tierId(),
                                            clock.priority(),
                                            clock.metric(),
                                            clock.cycle(),
                                            threshold.at(),
                                            now,
                                            ticket.request().subject(),
                                            ticket.origin().source(),
                                            ticket.origin().externalId())
                                    : new ClockWarned(
                                            ticket.id(),
                                            ticket.clientId(),
                                            ticket.coverage().tierId(),
                                            clock.priority(),
                                            clock.metric(),
                                            clock.cycle(),
                                            threshold.threshold(),
                                            threshold.at(),
                                            now,
                                            clock.dueAt(),
                                            ticket.request().subject(),
                                            ticket.origin().source(),
                                            ticket.origin().externalId()));
                }
            }
        }
        clockFirings.record(firings);
    }
}
