package io.pledge.calendar.web;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.CalendarUsage;
import io.pledge.calendar.Calendars;
import io.pledge.calendar.StoredCalendar;
import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Calendars", description = "Business-hours calendars that SLA targets are counted in")
class CalendarController {

    private final Calendars calendars;
    private final List<CalendarUsage> usages;

    CalendarController(Calendars calendars, List<CalendarUsage> usages) {
        this.calendars = calendars;
        this.usages = usages;
    }

    @PostMapping
    @Operation(summary = "Create a calendar from its definition")
    ResponseEntity<CalendarView> create(@RequestBody CalendarDocument document) {
        StoredCalendar stored = calendars.add(CalendarDefinition.parse(document));
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + stored.id()))
                .body(CalendarView.of(stored));
    }

    @GetMapping
    @Operation(summary = "List calendars by name")
    List<CalendarView> list() {
        return calendars.all().stream().map(CalendarView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a calendar")
    CalendarView get(@PathVariable UUID id) {
        return calendars.find(new CalendarId(id)).map(CalendarView::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a calendar's definition")
    CalendarView update(@PathVariable UUID id, @RequestBody CalendarDocument document) {
        CalendarDefinition definition = CalendarDefinition.parse(document);
        return calendars
                .replace(new CalendarId(id), definition)
                .map(CalendarView::of)
                .orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a calendar no contract or policy uses")
    void delete(@PathVariable UUID id) {
        CalendarId calendar = new CalendarId(id);
        if (!calendars.exists(calendar)) {
            throw notFound(id);
        }
        List<String> uses = usages.stream()
                .flatMap(usage -> usage.usesOf(calendar).stream())
                .toList();
        if (!uses.isEmpty()) {
            throw new ConflictException("id", "calendar is in use by " + String.join(", ", uses));
        }
        calendars.remove(calendar);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("calendar", id);
    }

    /** A stored calendar: its id, timestamps, and the definition document. */
    record CalendarView(
            UUID id,
            String name,
            String zone,
            Object hours,
            List<Object> holidaySets,
            List<Object> holidays,
            Map<String, Object> overrides,
            Instant createdAt,
            Instant updatedAt) {

        static CalendarView of(StoredCalendar stored) {
            CalendarDocument document = stored.definition().toDocument();
            return new CalendarView(
                    stored.id().value(),
                    document.name(),
                    document.zone(),
                    document.hours(),
                    document.holidaySets(),
                    document.holidays(),
                    document.overrides(),
                    stored.createdAt(),
                    stored.updatedAt());
        }
    }
}
