package io.pledge.calendar.web;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.BusinessDayRule;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.calendar.CalendarReferences;
import io.pledge.calendar.Calendars;
import io.pledge.core.Durations;
import io.pledge.core.Instants;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/business-time")
@Tag(name = "Business time", description = "Stateless business-time arithmetic over a calendar")
class BusinessTimeController {

    private final Calendars calendars;

    BusinessTimeController(Calendars calendars) {
        this.calendars = calendars;
    }

    @PostMapping("/add")
    @Operation(summary = "The first instant at which a duration of business time has elapsed since start")
    AddResult add(@RequestBody AddRequest request) {
        Violations violations = new Violations();
        BusinessCalendar calendar = CalendarReferences.resolve(request.calendar(), "calendar", calendars, violations);
        Instant start = violations.parse("start", request.start(), Instants.WHAT, Instants::parse);
        Duration duration =
                violations.parse("duration", request.duration(), "ISO-8601 duration such as PT4H", Durations::parse);
        violations.throwIfAny();
        try {
            return new AddResult(calendar.add(start, duration));
        } catch (CalendarRangeException e) {
            throw new UnprocessableException("duration", e.getMessage());
        }
    }

    @PostMapping("/between")
    @Operation(summary = "The business time inside [start, end); negative when end is before start")
    BetweenResult between(@RequestBody BetweenRequest request) {
        Violations violations = new Violations();
        BusinessCalendar calendar = CalendarReferences.resolve(request.calendar(), "calendar", calendars, violations);
        Instant start = violations.parse("start", request.start(), Instants.WHAT, Instants::parse);
        Instant end = violations.parse("end", request.end(), Instants.WHAT, Instants::parse);
        violations.throwIfAny();
        try {
            Duration duration = calendar.between(start, end);
            return new BetweenResult(duration.toString(), seconds(duration));
        } catch (CalendarRangeException e) {
            throw new UnprocessableException("start", e.getMessage());
        }
    }

    @PostMapping("/deadline")
    @Operation(
            summary = "The deadline of a business-day target for a clock started at start",
            description = "businessDays: {\"kind\": \"NEXT_BUSINESS_DAY\", \"by\": \"17:00\"}, "
                    + "{\"kind\": \"BUSINESS_DAYS\", \"days\": 3, \"ending\": \"TIME_OF_DAY\" or \"CLOSE\"} "
                    + "or {\"kind\": \"END_OF_BUSINESS_DAY\"}. Answers the deadline (the first instant the "
                    + "budget is used up), the deadline as the rule states it, and the budget of business time.")
    DeadlineResult deadline(@RequestBody DeadlineRequest request) {
        Violations violations = new Violations();
        BusinessCalendar calendar = CalendarReferences.resolve(request.calendar(), "calendar", calendars, violations);
        Instant start = violations.parse("start", request.start(), Instants.WHAT, Instants::parse);
        BusinessDayRule rule = BusinessDayRule.parse(request.businessDays(), "businessDays", violations);
        violations.throwIfAny();
        try {
            Duration budget = rule.budget(calendar, start);
            return new DeadlineResult(
                    calendar.add(start, budget),
                    rule.localDeadline(calendar, start),
                    budget.toString(),
                    seconds(budget),
                    rule.describe());
        } catch (CalendarRangeException e) {
            throw new UnprocessableException("start", e.getMessage());
        }
    }

    /** Whole seconds as an integer; a fraction only when the instants carry one. */
    private static Number seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros();
        return seconds.scale() <= 0 ? seconds.longValueExact() : seconds;
    }

    record AddRequest(Map<String, Object> calendar, String start, String duration) {}

    record AddResult(Instant end) {}

    record BetweenRequest(Map<String, Object> calendar, String start, String end) {}

    record BetweenResult(String duration, Number seconds) {}

    record DeadlineRequest(Map<String, Object> calendar, String start, BusinessDayRule.Document businessDays) {}

    /**
     * @param deadline the first instant at which the budget is used up: the stated deadline when the
     *     calendar is open then, otherwise the last close before it
     * @param stated the deadline as the rule states it (for instance 17:00 on the next business day)
     */
    record DeadlineResult(Instant deadline, Instant stated, String budget, Number budgetSeconds, String words) {}
}
