package io.pledge.tickets.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Pledge does not know how many rows a file holds before reading it; the page counts the file's lines
 * when it is uploaded and the bar shows the rows read against them (a row spanning lines makes it an
 * estimate, full once the import ends).
 */
@Controller
@Hidden
class ImportPages {

    static final List<String> FIELDS = List.of("file", "preset", "client", "zone", "mode", "states", "columns");

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
    String form(Model model) {
        return form(new ImportForm("SERVICENOW", null, defaultZone, "ALL_OR_NOTHING", "", ""), model);
    }

    @PostMapping("/imports/new")
    String start(
            @RequestParam(required = false) MultipartFile file,
            ImportForm form,
            Principal caller,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        long[] lines = new long[1];
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
            Path copy = copy(file);
            lines[0] = lineCount(copy);
            started[0] = importer.start(copy, file.getOriginalFilename(), settings, caller.getName())
                    .id();
        });
        if (!done) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, model);
        }
        return "redirect:/imports/" + started[0] + "?lines=" + lines[0];
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) Long lines, Model model) {
        progress(id, lines, model);
        return "tickets/import";
    }

    /** The progress fragment htmx reloads while the import runs. */
    @GetMapping("/imports/{id}/progress")
    String progressFragment(@PathVariable UUID id, @RequestParam(required = false) Long lines, Model model) {
        progress(id, lines, model);
        return "tickets/import :: progress";
    }

    private void progress(UUID id, Long lines, Model model) {
        ImportJob job = importer.find(id).orElseThrow(() -> new NotFoundException("import", id));
        model.addAttribute("job", job);
        model.addAttribute("running", job.state() == ImportJob.State.RUNNING);
        model.addAttribute("rowsPerSecond", java.math.BigDecimal.valueOf(job.rowsPerSecond(clock.instant())));
        model.addAttribute(
                "client",
                clients.find(new io.pledge.clients.ClientId(job.clientId()))
                        .map(Client::name)
                        .orElse(""));
        // The header line is no row; an unknown count leaves the bar without a value (indeterminate).
        long expected = lines == null ? 0 : Math.max(lines - 1, 1);
        long max = job.state() == ImportJob.State.RUNNING ? expected : Math.max(job.rowsRead(), 1);
        model.addAttribute("barMax", max);
        model.addAttribute("barValue", job.state() == ImportJob.State.RUNNING ? Math.min(job.rowsRead(), max) : max);
        model.addAttribute("lines", lines);
        model.addAttribute("expectedRows", lines == null ? null : expected);
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

    /** The upload copied where the import reads it; the import deletes it once it ends. */
    private static Path copy(MultipartFile file) {
        try {
            Path copy = Files.createTempFile("pledge-import-", ".csv");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long count = 0;
            int last = '\n';
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                if (read > 0) {
                    last = buffer[read - 1];
                }
            }
            return last == '\n' ? count : count + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
