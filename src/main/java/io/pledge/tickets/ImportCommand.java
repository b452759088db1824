package io.pledge.tickets;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violations;
import io.pledge.tickets.imports.ImportJob;
import io.pledge.tickets.imports.ImportSettings;
import io.pledge.tickets.imports.Importer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * {@code java -jar pledge.jar import --preset servicenow --zone Europe/Paris --client acme [--mode
 * skip-invalid] [--state "Awaiting Problem=WAITING_ON_VENDOR"] [--column id=Number] FILE}: the same import
 * as the API, run here with a progress bar.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: java -jar pledge.jar import --preset servicenow|generic --zone ZONE --client CLIENT
                   [--mode all-or-nothing|skip-invalid] [--state "STATE=STATUS"]... [--column FIELD=COLUMN]... FILE""";

    private ImportCommand() {}

    /** Whether the command line asks for an import rather than the server. */
    public static boolean isRequested(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    /** Runs the import; the exit code is 0 when everything or everything valid was stored. */
    public static int run(ApplicationContext context, String[] args, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        String file = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && i + 1 < args.length) {
                String value = args[++i];
                switch (arg) {
                    case "--state" -> put(states, value);
                    case "--column" -> put(columns, value);
                    default -> options.put(arg.substring(2), value);
                }
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            out.println((file == null ? "no file given" : "no such file: " + file) + "\n" + USAGE);
            return 2;
        }
        Violations violations = new Violations();
        ImportSettings settings = ImportSettings.parse(
                options.get("preset"),
                options.get("client"),
                options.get("zone"),
                options.get("mode"),
                states,
                columns,
                violations);
        if (settings == null) {
            violations.list().forEach(v -> out.println(v.field() + ": " + v.message()));
            out.println(USAGE);
            return 2;
        }
        ProgressBar bar = new ProgressBar(out, lines(Path.of(file)));
        try {
            ImportJob job = context.getBean(Importer.class)
                    .runNow(Path.of(file), Path.of(file).getFileName().toString(), settings, bar);
            bar.done();
            out.printf(
                    "%s: %d rows read, %d tickets, %d events, %d rows rejected (%.0f rows/s)%n",
                    job.state(),
                    job.rowsRead(),
                    job.tickets(),
                    job.events(),
                    job.rejected(),
                    job.rowsPerSecond(job.finishedAt()));
            job.errors().forEach(error -> out.println("  " + error));
            return job.state() == ImportJob.State.FAILED ? 1 : 0;
        } catch (InvalidRequestException | io.pledge.core.UnprocessableException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    private static void put(Map<String, String> map, String pair) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
            map.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return Math.max(lines.count() - 1, 1);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 1;
        }
    }

    /** A one-line progress bar, redrawn in place. */
    static final class ProgressBar implements io.pledge.tickets.imports.ProgressListener {

        private final PrintStream out;
        private final long total;
        private final long started = System.nanoTime();

        ProgressBar(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        @Override
        public void rowsRead(long rows) {
            draw("reading", rows, total);
        }

        @Override
        public void stored(long tickets, long events) {
            out.printf("\rstoring: %d tickets, %d events            ", tickets, events);
            out.flush();
        }

        void done() {
            out.println();
        }

        private void draw(String phase, long done, long of) {
            int width = 30;
            int filled = (int) Math.min(width, done * width / Math.max(of, 1));
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            out.printf(
                    "\r%s [%s%s] %d/%d rows (%.0f rows/s)",
                    phase, "#".repeat(filled), " ".repeat(width - filled), done, of, done / seconds);
            out.flush();
        }
    }
}
