package io.pledge.sla.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessCalendars;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.calendar.CalendarReferences;
import io.pledge.calendar.Calendars;
import io.pledge.core.Instants;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.web.JsonViolations;
import io.pledge.sla.EventDocument;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaEvaluator;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.SlaPolicyDocument;
import io.pledge.sla.Target;
import io.pledge.sla.TicketTimeline;
import io.pledge.sla.TierPolicyLookup;
import io.pledge.sla.TimelineParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "SLA evaluation", description = "Stateless: a policy and a ticket timeline give the SLA clocks")
class EvaluationController {

    /** Fields of a tier's policy document that are not SLA clock settings; accepted and ignored here. */
    private static final Set<String> TIER_ONLY_FIELDS =
            Set.of("uptimeTarget", "credits", "creditCapPercent", "creditsPer", "ticketCredits");

    private static final BusinessCalendar ALWAYS_OPEN =
            BusinessCalendars.of(CalendarDefinition.alwaysOpen("24x7", ZoneOffset.UTC));

    private final Calendars calendars;
    private final TierPolicyLookup tierPolicies;
    private final PriorityScheme priorities;
    private final JsonMapper json;
    private final Clock clock;

    EvaluationController(
            Calendars calendars,
            TierPolicyLookup tierPolicies,
            PriorityScheme priorities,
            JsonMapper json,
            Clock clock) {
        this.calendars = calendars;
        this.tierPolicies = tierPolicies;
        this.priorities = priorities;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sla/evaluate")
    @Operation(
            summary = "Compute a ticket's SLA clocks",
            description = "policy: an SLA policy definition or {\"tierId\": \"…\"} (the version in force at creation). "
                    + "calendar (optional): the calendar for targets without one of their own, a definition or "
                    + "{\"id\": \"…\"}; 24x7 UTC when absent. at (optional): the evaluation instant, default now.")
    EvaluationView evaluate(@RequestBody EvaluationRequest request) {
        Violations violations = new Violations();
        TicketTimeline timeline = request.ticket() == null
                ? missing(violations, "ticket")
                : TimelineParser.parse(events(request.ticket()), priorities, violations.under("ticket."));
        Instant at = request.at() == null
                ? clock.instant()
                : violations.parse("at", request.at(), Instants.WHAT, Instants::parse);
        BusinessCalendar defaultCalendar = request.calendar() == null
                ? ALWAYS_OPEN
                : CalendarReferences.resolve(request.calendar(), "calendar", calendars, violations);
        SlaPolicy policy = policy(request.policy(), timeline, violations);
        if (timeline != null && at != null && at.isBefore(timeline.createdAt())) {
            violations.add("at", "is before the ticket's creation at " + timeline.createdAt());
        }
        violations.throwIfAny();
        SlaEvaluator evaluator = new SlaEvaluator(policy, targetCalendars(policy, defaultCalendar));
        try {
            return new EvaluationView(
                    evaluator.evaluate(timeline, at).stream().map(ClockView::of).toList());
        } catch (CalendarRangeException e) {
            throw new UnprocessableException("ticket.events", e.getMessage());
        }
    }

    private SlaPolicy policy(Map<String, Object> document, TicketTimeline timeline, Violations violations) {
        if (document == null) {
            return missing(violations, "policy");
        }
        if (document.containsKey("tierId")) {
            UUID tier = violations.parse("policy.tierId", document.get("tierId"), "tier id", UUID::fromString);
            if (tier == null || timeline == null) {
                return null;
            }
            return tierPolicies
                    .policyInForce(tier, timeline.createdAt())
                    .orElseThrow(() -> new UnprocessableException("policy.tierId", "unknown tier " + tier));
        }
        Map<String, Object> slaPart = new HashMap<>(document);
        slaPart.keySet().removeAll(TIER_ONLY_FIELDS);
        try {
            return SlaPolicy.parse(
                    json.convertValue(slaPart, SlaPolicyDocument.class), priorities, violations.under("policy."));
        } catch (JacksonException e) {
            Violation violation = JsonViolations.of(e, "policy.");
            violations.add(violation.field(), violation.message());
            return null;
        }
    }

    /** Each target counts in its own calendar when it names one, otherwise in the default calendar. */
    private io.pledge.sla.TargetCalendars targetCalendars(SlaPolicy policy, BusinessCalendar defaultCalendar) {
        Map<CalendarId, BusinessCalendar> own = new HashMap<>();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < policy.targets().size(); i++) {
            Target target = policy.targets().get(i);
            if (target.calendar().isPresent()) {
                CalendarId id = target.calendar().get();
                int index = i;
                calendars
                        .find(id)
                        .ifPresentOrElse(
                                stored -> own.put(id, BusinessCalendars.of(stored.definition())),
                                () -> unknown.add(new Violation(
                                        "policy.targets[" + index + "].calendarId", "unknown calendar " + id)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(unknown);
        }
        return target -> target.calendar().map(own::get).orElse(defaultCalendar);
    }

    private List<EventDocument> events(TicketBody ticket) {
        if (ticket.events() == null) {
            return null;
        }
        return ticket.events().stream()
                .map(event -> event == null
                        ? null
                        : new EventDocument(
                                event.type(),
                                event.at(),
                                event.priority(),
                                event.status(),
                                event.author(),
                                event.isPublic()))
                .toList();
    }

    private static <T> T missing(Violations violations, String field) {
        violations.add(field, "is required");
        return null;
    }

    record EvaluationRequest(Map<String, Object> policy, TicketBody ticket, Map<String, Object> calendar, String at) {}

    record TicketBody(List<EventBody> events) {}

    record EventBody(
            String type,
            String at,
            String priority,
            String status,
            String author,
            @JsonProperty("public") Boolean isPublic) {}

    record EvaluationView(List<ClockView> clocks) {}
}
