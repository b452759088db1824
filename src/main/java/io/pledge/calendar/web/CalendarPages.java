package io.pledge.calendar.web;

import io.pledge.calendar.BusinessCalendar;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.CalendarRangeException;
import io.pledge.calendar.CalendarReferences;
import io.pledge.calendar.Calendars;
import io.pledge.calendar.HolidaySets;
import io.pledge.calendar.StoredCalendar;
import io.pledge.calendar.TimeRange;
import io.pledge.calendar.WeeklyHours;
import io.pledge.core.Durations;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendars' pages: the list, a calendar's week grid, holiday sets, extra holidays and overrides, the
 * "add business time" preview (the same arithmetic as {@code POST /api/v1/business-time/add}), and the form
 * that creates or edits one. The form's texts are cut into the API's calendar document, which
 * {@link CalendarDefinition#parse} checks; its violations are shown next to the field they name.
 */
@Controller
@Hidden
class CalendarPages {

    private final Calendars calendars;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final PageAccess access;

    CalendarPages(
            Calendars calendars,
            PageAccess access,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") ZoneId defaultZone) {
        this.calendars = calendars;
        this.messages = messages;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.access = access;
    }

    @GetMapping("/calendars")
    String list(Model model) {
        model.addAttribute(
                "calendars", calendars.all().stream().map(CalendarLine::of).toList());
        model.addAttribute("canEdit", access.allows("/calendars/new"));
        return "calendar/list";
    }

    @GetMapping("/calendars/{id}")
    String show(@PathVariable UUID id, Model model) {
        StoredCalendar stored = find(id);
        model.addAttribute(
                "start", clock.instant().truncatedTo(ChronoUnit.MINUTES).toString());
        model.addAttribute("duration", "PT4H");
        return show(stored, model);
    }

    /** The preview: where a duration of business time from a start ends, in this calendar. */
    @PostMapping("/calendars/{id}/business-time")
    String addBusinessTime(
            @PathVariable UUID id,
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String duration,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        StoredCalendar stored = find(id);
        model.addAttribute("start", start);
        model.addAttribute("duration", duration);
        boolean done = FormErrors.attempt(model, messages, locale, () -> {
            Violations violations = new Violations();
            BusinessCalendar calendar =
                    CalendarReferences.resolve(Map.of("id", id.toString()), "calendar", calendars, violations);
            Instant from = violations.parse("start", start, Instants.WHAT, Instants::parse);
            Duration length =
                    violations.parse("duration", duration, "ISO-8601 duration such as PT4H", Durations::parse);
            violations.throwIfAny();
            try {
                model.addAttribute("end", calendar.add(from, length));
                model.addAttribute("from", from);
                model.addAttribute("length", length);
            } catch (CalendarRangeException e) {
                throw new UnprocessableException("duration", e.getMessage());
            }
        });
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return show(stored, model);
    }

    @GetMapping("/calendars/new")
    String newCalendar(Model model) {
        CalendarForm form = new CalendarForm();
        form.setZone(defaultZone.getId());
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            form.getHours().put(WeeklyHours.key(day), "08:00-18:00");
        }
        return form(form, null, model);
    }

    @PostMapping("/calendars/new")
    String create(
            @ModelAttribute CalendarForm form,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        form.readHours(fields);
        StoredCalendar[] stored = new StoredCalendar[1];
        if (!attempt(model, locale, () -> stored[0] = calendars.add(CalendarDefinition.parse(form.toDocument())))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, null, model);
        }
        return "redirect:/calendars/" + stored[0].id().value();
    }

    @GetMapping("/calendars/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        StoredCalendar stored = find(id);
        return form(CalendarForm.of(stored.definition()), stored, model);
    }

    @PostMapping("/calendars/{id}/edit")
    String update(
            @PathVariable UUID id,
            @ModelAttribute CalendarForm form,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        form.readHours(fields);
        StoredCalendar stored = find(id);
        boolean done = attempt(
                model,
                locale,
                () -> calendars
                        .replace(stored.id(), CalendarDefinition.parse(form.toDocument()))
                        .orElseThrow(() -> new NotFoundException("calendar", id)));
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, stored, model);
        }
        return "redirect:/calendars/" + id;
    }

    private String show(StoredCalendar stored, Model model) {
        CalendarDefinition definition = stored.definition();
        model.addAttribute("calendar", stored);
        model.addAttribute("definition", definition);
        model.addAttribute("week", WeekRow.of(definition.hours()));
        model.addAttribute(
                "hoursOfDay", java.util.stream.IntStream.range(0, 24).boxed().toList());
        int year = clock.instant().atZone(definition.zone()).getYear();
        model.addAttribute("year", year);
        Map<String, List<LocalDate>> sets = new LinkedHashMap<>();
        for (String code : definition.holidaySets()) {
            sets.put(
                    code,
                    HolidaySets.standard().closedDates(code, year).stream()
                            .sorted()
                            .toList());
        }
        model.addAttribute("holidaySets", sets);
        model.addAttribute("canEdit", access.allows("/calendars/new"));
        return "calendar/calendar";
    }

    private String form(CalendarForm form, StoredCalendar stored, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("calendar", stored);
        model.addAttribute(
                "days", Arrays.stream(DayOfWeek.values()).map(WeeklyHours::key).toList());
        return "calendar/form";
    }

    private StoredCalendar find(UUID id) {
        return calendars.find(new CalendarId(id)).orElseThrow(() -> new NotFoundException("calendar", id));
    }

    /**
     * Runs what the form asks for; the violations of a rejected document are shown next to the form field
     * whose text they come from ({@code hours.mon[1][0]} next to Monday's hours, {@code holidays[2]} next
     * to the holidays), the item they name kept in front of the message.
     */
    private boolean attempt(Model model, Locale locale, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException rejected) {
            List<Violation> violations = FormErrors.violationsOf(rejected);
            if (violations == null) {
                throw rejected;
            }
            List<Violation> byFormField = new ArrayList<>();
            for (Violation violation : violations) {
                String field = violation.field() == null ? "" : violation.field();
                String formField = formField(field);
                byFormField.add(
                        formField.equals(field)
                                ? violation
                                : new Violation(formField, field + ": " + violation.message()));
            }
            model.addAttribute(FormErrors.ATTRIBUTE, FormErrors.of(byFormField, messages, locale));
            return false;
        }
    }

    /** The form field a document field's text was typed in. */
    static String formField(String field) {
        if (field.startsWith("hours.")) {
            String day = field.substring("hours.".length());
            int bracket = day.indexOf('[');
            return "hours." + (bracket < 0 ? day : day.substring(0, bracket));
        }
        int cut = field.length();
        for (char separator : new char[] {'[', '.'}) {
            int at = field.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return field.substring(0, cut);
    }

    /** A calendar in the list. */
    record CalendarLine(UUID id, String name, String zone, String hours, List<String> holidaySets) {

        static CalendarLine of(StoredCalendar stored) {
            CalendarDefinition definition = stored.definition();
            return new CalendarLine(
                    stored.id().value(),
                    definition.name(),
                    definition.zone().getId(),
                    definition.hours().isAlwaysOpen() ? WeeklyHours.ALWAYS_OPEN_TEXT : null,
                    definition.holidaySets());
        }
    }

    /** One day of the week grid: its opening hours, and how much of each hour of the day is open (0-60). */
    record WeekRow(String day, List<TimeRange> ranges, boolean alwaysOpen, List<Integer> openMinutes) {

        static List<WeekRow> of(WeeklyHours hours) {
            List<WeekRow> rows = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                List<TimeRange> ranges = hours.isAlwaysOpen() ? List.of() : hours.on(day);
                List<Integer> open = new ArrayList<>();
                for (int hour = 0; hour < 24; hour++) {
                    int from = hour * 60;
                    int to = from + 60;
                    int minutes = hours.isAlwaysOpen() ? 60 : 0;
                    for (TimeRange range : ranges) {
                        minutes += Math.max(0, Math.min(to, range.endMinute()) - Math.max(from, range.startMinute()));
                    }
                    open.add(minutes);
                }
                rows.add(new WeekRow(WeeklyHours.key(day), ranges, hours.isAlwaysOpen(), open));
            }
            return rows;
        }
    }
}
