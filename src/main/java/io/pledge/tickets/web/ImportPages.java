package io.pledge.tickets.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportJobs;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import io.pledge.tickets.imports.StoredUpload;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of ticket history: the upload form (the settings of {@code POST /api/v1/imports}, read by
 * {@link ImportSettings#parse}, each violation next to its field; state and column mappings one per line
 * instead of JSON), and an import's page: its progress bar and counts, a fragment htmx reloads every
 * {@code pledge.imports.poll} seconds while the import runs, then its outcome and the rejected rows with
 * their line numbers (the figures of {@code GET /api/v1/imports/{id}}).
 *
 * <p>The rows a file holds are counted as its upload is stored ({@link StoredUpload}, as the API does), so
 * the bar shows the rows read against them, exactly. The form's page lists the past imports, newest first
 * ({@code GET /api/v1/imports}).
 */
@Controller
@Hidden
class ImportPages {

    static final List<String> FIELDS = List.of("file", "preset", "client", "zone", "mode", "states", "columns");
    /** The past imports the form's page lists at a time. */
    static final int PAST = 20;

    private final Importer importer;
    private final Clients clients;
    private final MessageSource messages;
    private final Clock clock;
    private final String defaultZone;
    private final int pollSeconds;

    ImportPages(
            Importer importer,
            Clients clients,
            MessageSource messages,
            Clock clock,
            @Value("${pledge.pages.zone:UTC}") String defaultZone,
            @Value("${pledge.imports.poll:2}") int pollSeconds) {
        this.importer = importer;
        this.clients = clients;
        this.messages = messages;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.pollSeconds = pollSeconds;
    }

    /** The form as typed: mappings one per line, {@code label = value}. */
    record ImportForm(String preset, String client, String zone, String mode, String states, String columns) {}

    @GetMapping("/imports")
    String form(Scope scope, @RequestParam(required = false) String older, Model model) {
        Violations violations = new Violations();
        ImportJobs.Cursor after = violations.parseOptional("older", older, "cursor", ImportController::decode);
        violations.throwIfAny();
        List<ImportJob> page = importer.recent(scope, after, PAST + 1);
        boolean more = page.size() > PAST;
        List<ImportJob> past = more ? page.subList(0, PAST) : page;
        Map<UUID, String> names = new HashMap<>();
        clients.all().forEach(client -> names.put(client.id().value(), client.name()));
        model.addAttribute(
                "past",
                past.stream()
                        .map(job -> new PastImport(job, names.getOrDefault(job.clientId(), "")))
                        .toList());
        model.addAttribute("older", more ? ImportController.encode(past.get(past.size() - 1)) : null);
        model.addAttribute("paged", after != null);
        return form(new ImportForm("SERVICENOW", null, defaultZone, "ALL_OR_NOTHING", "", ""), model);
    }

    /** A past import in the list, with its client's name. */
    record PastImport(ImportJob job, String client) {}

    @PostMapping("/imports/new")
    String start(
            @RequestParam(required = false) MultipartFile file,
            ImportForm form,
            Principal caller,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        UUID[] started = new UUID[1];
        boolean done = attempt(model, locale, () -> {
            Violations violations = new Violations();
            if (file == null || file.isEmpty()) {
                violations.add("file", "a CSV file is required");
            }
            ImportSettings settings = ImportSettings.parse(
                    blankless(form.preset()),
                    blankless(form.client()),
                    blankless(form.zone()),
                    blankless(form.mode()),
                    lines(form.states(), "states", violations),
                    lines(form.columns(), "columns", violations),
                    violations);
            violations.throwIfAny();
            started[0] = importer.start(store(file), file.getOriginalFilename(), settings, caller.getName())
                    .id();
        });
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, model);
        }
        return "redirect:/imports/" + started[0];
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable UUID id, Model model) {
        progress(id, model);
        return "tickets/import";
    }

    /** The progress fragment htmx reloads while the import runs. */
    @GetMapping("/imports/{id}/progress")
    String progressFragment(@PathVariable UUID id, Model model) {
        progress(id, model);
        return "tickets/import :: progress";
    }

    private void progress(UUID id, Model model) {
        ImportJob job = importer.find(id).orElseThrow(() -> new NotFoundException("import", id));
        model.addAttribute("job", job);
        model.addAttribute("running", job.state() == ImportJob.State.RUNNING);
        model.addAttribute("rowsPerSecond", java.math.BigDecimal.valueOf(job.rowsPerSecond(clock.instant())));
        model.addAttribute(
                "client",
                clients.find(new io.pledge.clients.ClientId(job.clientId()))
                        .map(Client::name)
                        .orElse(""));
        // The rows the file holds were counted as it was stored; an import without that count (from the
        // command line) shows a bar without a value (indeterminate) while it runs.
        Long total = job.rowsTotal();
        boolean running = job.state() == ImportJob.State.RUNNING;
        long max = running ? (total == null ? 0 : Math.max(total, 1)) : Math.max(job.rowsRead(), 1);
        model.addAttribute("barMax", max);
        model.addAttribute("barValue", running ? Math.min(job.rowsRead(), max) : max);
        model.addAttribute("expectedRows", total);
        model.addAttribute("pollSeconds", pollSeconds);
    }

    /**
     * Runs the start; a rejected mapping entry ({@code states.Awaiting Problem}) is shown next to the field
     * it was typed in, the entry it names kept in front of the message.
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
            List<Violation> byField = new ArrayList<>();
            for (Violation violation : violations) {
                String field = violation.field() == null ? "" : violation.field();
                int dot = field.indexOf('.');
                byField.add(
                        dot < 0
                                ? violation
                                : new Violation(
                                        field.substring(0, dot),
                                        field.substring(dot + 1) + ": " + violation.message()));
            }
            model.addAttribute(FormErrors.ATTRIBUTE, FormErrors.of(byField, messages, locale));
            return false;
        }
    }

    private String form(ImportForm form, Model model) {
        model.addAttribute("importForm", form);
        model.addAttribute("fields", FIELDS);
        if (!model.containsAttribute("past")) {
            model.addAttribute("past", List.of());
            model.addAttribute("older", null);
            model.addAttribute("paged", false);
        }
        model.addAttribute(
                "clients",
                clients.all().stream()
                        .sorted(Comparator.comparing(Client::name))
                        .toList());
        return "tickets/imports";
    }

    /**
     * {@code label = value} lines as the map the API takes as JSON; a line without {@code =} is named by
     * its field ({@code states}, {@code columns}) and its number.
     */
    static Map<String, String> lines(String text, String field, Violations violations) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        List<String> all = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                violations.add(field, "line " + (i + 1) + " must read label = value, got \"" + line + "\"");
                continue;
            }
            map.put(
                    line.substring(0, equals).strip(),
                    line.substring(equals + 1).strip());
        }
        return map;
    }

    /** The upload copied where the import reads it, its rows counted; the import deletes it once it ends. */
    private static StoredUpload store(MultipartFile file) {
        try {
            return StoredUpload.store(file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
