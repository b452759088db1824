package io.pledge.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ServiceNow incident audit export in the sample's layout: each incident New, Active,
 * sometimes awaiting the user or a vendor, Resolved, Closed, five to seven rows. Deterministic per seed.
 */
public final class ServiceNowExport {

    static final String HEADER = "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,"
            + "caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,"
            + "location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,"
            + "knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,"
            + "resolved_at,closed_at";

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm");
    private static final String[] PRIORITIES = {"1 - Critical", "2 - High", "3 - Moderate", "4 - Low"};

    private ServiceNowExport() {}

    /** Writes incidents until at least {@code rows} rows; returns the number of rows written. */
    public static long write(Path file, long rows, LocalDateTime from, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        int incident = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            while (written < rows) {
                String number = "INC" + (8_000_000 + incident++);
                LocalDateTime opened = from.plusMinutes(random.nextLong(60L * 24 * 270));
                String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
                LocalDateTime at = opened.plusMinutes(2);
                String[] states = random.nextInt(3) == 0
                        ? new String[] {"New", "Active", "Awaiting Vendor", "Active", "Resolved", "Closed"}
                        : random.nextInt(2) == 0
                                ? new String[] {"New", "Active", "Awaiting User Info", "Active", "Resolved", "Closed"}
                                : new String[] {"New", "Active", "Resolved", "Closed"};
                for (int mod = 0; mod < states.length; mod++) {
                    out.write(row(number, states[mod], mod, opened, at, priority));
                    written++;
                    at = at.plusMinutes(10 + random.nextLong(600));
                }
            }
        }
        return written;
    }

    private static String row(
            String number, String state, int mod, LocalDateTime opened, LocalDateTime at, String priority) {
        boolean active = !state.equals("Closed");
        return number + "," + state + "," + active + ",0,0," + mod + ",true,Caller 1,Opened by 1,"
                + DAY_FIRST.format(opened)
                + ",Created by 1," + DAY_FIRST.format(opened) + ",Updated by 1," + DAY_FIRST.format(at)
                + ",Email,Location 1,Category 1,Subcategory 1,Symptom 1,?,2 - Medium,2 - Medium," + priority
                + ",Group 1,?,false,false,Do Not Notify,?,?,?,?,code 1,?,?,?\n";
    }
}
