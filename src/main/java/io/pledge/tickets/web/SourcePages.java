package io.pledge.tickets.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.Sources;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helpdesks and PSAs feeding Pledge: the list, registering one through {@link Sources#register} (its
 * signing secret shown once), and a source's status mapping, replaced through {@link Sources#mapStatuses}
 * as {@code PUT /api/v1/sources/{source}/statuses} does. The mapping is a table of rows (a label and the
 * engine status it maps to, and a few empty rows to add one); the API names each invalid entry by its
 * label, and the page shows it on the row of that label.
 */
@Controller
@Hidden
class SourcePages {

    /** Empty rows offered under a mapping to add labels. */
    static final int EMPTY_ROWS = 3;

    private final Sources sources;
    private final PageAccess access;
    private final MessageSource messages;

    SourcePages(Sources sources, PageAccess access, MessageSource messages) {
        this.sources = sources;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/sources")
    String list(Model model) {
        model.addAttribute("sources", sources.names());
        model.addAttribute("canRegister", access.allows("/sources/new"));
        return "tickets/sources";
    }

    @GetMapping("/sources/new")
    String newSource(Model model) {
        return registerForm("", model);
    }

    @PostMapping("/sources/new")
    String register(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String secret,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Sources.Registered[] registered = new Sources.Registered[1];
        boolean done = FormErrors.attempt(
                model, messages, locale, () -> registered[0] = sources.register(name, blankless(secret)));
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return registerForm(name, model);
        }
        redirect.addFlashAttribute("notice", "source.registered");
        if (blankless(secret) == null) {
            redirect.addFlashAttribute("secret", registered[0].secret());
        }
        return "redirect:/sources/" + registered[0].name();
    }

    @GetMapping("/sources/{source}")
    String show(@PathVariable String source, Model model) {
        List<Row> rows = new ArrayList<>();
        sources.statuses(source).forEach((label, status) -> rows.add(new Row(label, status.name())));
        return show(source, rows, model);
    }

    @PostMapping("/sources/{source}/statuses")
    String mapStatuses(
            @PathVariable String source,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<Row> rows = Row.read(fields);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!row.isEmpty()) {
                mapping.put(row.label(), row.status());
            }
        }
        try {
            sources.mapStatuses(source, mapping);
        } catch (InvalidRequestException | UnprocessableException rejected) {
            model.addAttribute(FormErrors.ATTRIBUTE, FormErrors.of(byRow(rows, rejected), messages, locale));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(source, rows.stream().filter(row -> !row.isEmpty()).toList(), model);
        }
        redirect.addFlashAttribute("notice", "source.mapped");
        return "redirect:/sources/" + source;
    }

    /** The API's violations, each named by its entry's label, moved to the row that label was typed in. */
    private static List<Violation> byRow(List<Row> rows, RuntimeException rejected) {
        List<Row> kept = rows.stream().filter(row -> !row.isEmpty()).toList();
        List<Violation> placed = new ArrayList<>();
        for (Violation violation : FormErrors.violationsOf(rejected)) {
            String field = violation.field() == null ? "" : violation.field();
            int at = -1;
            for (int i = 0; i < kept.size() && at < 0; i++) {
                if (kept.get(i).label().equals(field)) {
                    at = i;
                }
            }
            placed.add(at < 0 ? violation : new Violation("row-" + at, violation.message()));
        }
        return placed;
    }

    private String show(String source, List<Row> rows, Model model) {
        boolean canMap = access.allows("/sources/" + source + "/statuses");
        List<Row> shown = new ArrayList<>(rows);
        if (canMap) {
            for (int i = 0; i < EMPTY_ROWS; i++) {
                shown.add(new Row("", ""));
            }
        }
        model.addAttribute("source", source);
        model.addAttribute("rows", shown);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("canMap", canMap);
        return "tickets/source";
    }

    private String registerForm(String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("fields", List.of("name", "secret"));
        return "tickets/source-form";
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A row of the mapping form: a source's own label and the engine status it maps to. */
    record Row(String label, String status) {

        boolean isEmpty() {
            return label.isBlank() && status.isBlank();
        }

        /** The rows posted as {@code label-0}, {@code status-0}, {@code label-1} … in order. */
        static List<Row> read(Map<String, String> fields) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; fields.containsKey("label-" + i) || fields.containsKey("status-" + i); i++) {
                rows.add(new Row(fields.getOrDefault("label-" + i, ""), fields.getOrDefault("status-" + i, "")));
            }
            return rows;
        }
    }
}
