package io.pledge.bench;

import io.pledge.support.RealServiceNowExport;
import io.pledge.support.ServiceNowExport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code GenerateServiceNowExport FILE ROWS [simple|real]}: a synthetic ServiceNow export, incidents in
 * the current year. {@code simple} (the default, the file of the figures before 2026-12-02): four or six
 * rows per incident, each a state change, the same few values in every row. {@code real}: shaped like a
 * real export ({@link RealServiceNowExport}), with a few rows the importer refuses.
 */
public final class GenerateServiceNowExport {

    private GenerateServiceNowExport() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        String shape = args.length > 2 ? args[2] : "simple";
        LocalDateTime from = LocalDateTime.of(LocalDate.now().getYear(), 1, 2, 8, 0);
        switch (shape) {
            case "simple" -> System.out.println(
                    ServiceNowExport.write(file, rows, from, 42) + " rows written to " + file);
            case "real" -> {
                RealServiceNowExport.Written written = RealServiceNowExport.write(file, rows, from, 42);
                System.out.printf(
                        "%,d rows of %,d incidents written to %s (%d rows in state -100, %d incidents with rows"
                                + " out of order)%n",
                        written.rows(), written.incidents(), file, written.oddStates(), written.outOfOrder());
            }
            default -> throw new IllegalArgumentException("shape: simple or real, not " + shape);
        }
    }
}
