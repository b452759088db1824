package io.pledge.bench;

import io.pledge.support.ServiceNowExport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** {@code GenerateServiceNowExport FILE ROWS}: a synthetic ServiceNow export, incidents in the current year. */
public final class GenerateServiceNowExport {

    private GenerateServiceNowExport() {}

    public static void main(String[] args) throws Exception {
        long rows = ServiceNowExport.write(
                Path.of(args[0]), Long.parseLong(args[1]), LocalDateTime.of(LocalDate.now().getYear(), 1, 2, 8, 0), 42);
        System.out.println(rows + " rows written to " + args[0]);
    }
}
