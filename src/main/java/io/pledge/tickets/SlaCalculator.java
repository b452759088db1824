package io.pledge.tickets;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarChanged;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.TierId;
import io.pledge.clients.Tiers;
import io.pledge.sla.EventType;
import io.pledge.sla.SlaClock;
import io.pledge.sla.SlaEvaluator;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.TicketEvent;
import io.pledge.sla.TicketTimeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes a ticket's clocks from its whole stored timeline with the SLA engine, under the policy
 * version fixed at the ticket's creation and the contract's calendar. Policy versions never change, so
 * they are cached for good; compiled calendars are cached for a minute and dropped at once when this
 * node changes one.
 */
@Component
public class SlaCalculator {

    static final Duration CALENDAR_TTL = Duration.ofMinutes(1);

    private final Tiers tiers;
    private final Calendars calendars;
    private final Clock clock;
    private final Map<String, SlaPolicy> policies = new ConcurrentHashMap<>();
    private final Map<CalendarId, Cached> compiled = new ConcurrentHashMap<>();

    SlaCalculator(Tiers tiers, Calendars calendars, Clock clock) {
        this.tiers = tiers;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** The ticket's clocks as of {@code at}: none when the ticket is out of scope. */
    public List<SlaClock> clocks(Ticket ticket, List<RecordedEvent> events, Instant at) {
        if (!ticket.hasClocks()) {
            return List.of();
        }
        return clocks(
                ticket,
                events,
                at,
                policy(ticket.coverage().tierId(), ticket.coverage().policyVersion()));
    }

    /**
     * The ticket's clocks as of {@code at} under another policy than the one fixed at its creation (a proposal
     * replayed over history), computed exactly as {@link #clocks(Ticket, List, Instant)} computes the live ones:
     * the same timeline, the contract's calendar unless a target names its own. None when out of scope.
     */
    public List<SlaClock> clocks(Ticket ticket, List<RecordedEvent> events, Instant at, SlaPolicy policy) {
        if (!ticket.hasClocks()) {
            return List.of();
        }
        BusinessCalendar contractCalendar =
                calendar(new CalendarId(ticket.coverage().calendarId()));
        SlaEvaluator evaluator = new SlaEvaluator(
                policy, target -> target.calendar().map(this::calendar).orElse(contractCalendar));
        return evaluator.evaluate(timeline(events), at.isBefore(ticket.createdAt()) ? ticket.createdAt() : at);
    }

    /** The engine's view of stored events: assignments do not touch the clocks. */
    static TicketTimeline timeline(List<RecordedEvent> events) {
        List<TicketEvent> timeline = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            // Who works a ticket (ASSIGNED) does not change its clocks.
            if (event.kind().affectsClocks()) {
                timeline.add(TicketEvent.of(
                        event.kind(),
                        event.at(),
                        event.priority(),
                        event.status(),
                        event.kind() == EventType.REPLIED ? TicketEvent.Author.valueOf(event.author()) : null,
                        !Boolean.FALSE.equals(event.isPublic())));
            }
        }
        return TicketTimeline.of(timeline);
    }

    private SlaPolicy policy(UUID tier, int version) {
        return policies.computeIfAbsent(
                tier + "/" + version,
                key -> tiers.version(new TierId(tier), version)
                        .orElseThrow(() -> new IllegalStateException(
                                "policy version " + version + " of tier " + tier + " is gone"))
                        .terms()
                        .sla());
    }

    private BusinessCalendar calendar(CalendarId id) {
        Instant now = clock.instant();
        Cached cached = compiled.get(id);
        if (cached != null && cached.loadedAt().plus(CALENDAR_TTL).isAfter(now)) {
            return cached.calendar();
        }
        BusinessCalendar calendar = calendars
                .find(id)
                .map(stored -> BusinessCalendars.of(stored.definition()))
                .orElseThrow(() -> new IllegalStateException("calendar " + id + " is gone"));
        compiled.put(id, new Cached(calendar, now));
        return calendar;
    }

    @EventListener
    void on(CalendarChanged changed) {
        compiled.remove(changed.calendar());
    }

    private record Cached(BusinessCalendar calendar, Instant loadedAt) {}
}
