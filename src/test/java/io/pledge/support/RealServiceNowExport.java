package io.pledge.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ServiceNow incident audit export shaped like a real one, unlike the even
 * {@link ServiceNowExport}: the sample's 36 columns with values of their real lengths ({@code Caller 3323},
 * {@code Opened by  404} with its double space, {@code ?} where a value is missing), about 5.9 rows per
 * incident with a long tail, updates that change no state (reassignments, other fields), awaiting
 * states, reopenings, priority changes. At a low rate it writes what real exports carry: a state
 * {@code -100} (refused per row by the importer), rows out of {@code sys_mod_count} order, a first
 * update stamped before the opening. Deterministic per seed.
 */
public final class RealServiceNowExport {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm");
    private static final String[] LEVELS = {"1 - High", "2 - Medium", "3 - Low"};
    private static final String[] PRIORITIES = {"1 - Critical", "2 - High", "3 - Moderate", "4 - Low"};
    private static final String[] CONTACTS = {"Phone", "Email", "Self service"};

    private RealServiceNowExport() {}

    /** What was written. */
    public record Written(long rows, int incidents, int oddStates, int outOfOrder) {}

    /** Writes incidents until at least {@code rows} rows. */
    public static Written write(Path file, long rows, LocalDateTime from, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        int incidents = 0;
        int oddStates = 0;
        int outOfOrder = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ServiceNowExport.HEADER);
            out.write('\n');
            while (written < rows) {
                Incident incident = new Incident(random, incidents++, from);
                List<String> lines = incident.lines();
                // A few incidents have two rows the other way round in the file.
                if (lines.size() > 2 && random.nextInt(100) == 0) {
                    int at = random.nextInt(lines.size() - 1);
                    Collections.swap(lines, at, at + 1);
                    outOfOrder++;
                }
                for (String line : lines) {
                    out.write(line);
                }
                written += lines.size();
                oddStates += incident.oddStates;
            }
        }
        return new Written(written, incidents, oddStates, outOfOrder);
    }

    /** One incident's rows, as its updates happen: each row the whole record after an update. */
    private static final class Incident {

        private final SplittableRandom random;
        private final List<String> lines = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();
        private final String[] values = new String[36];
        private LocalDateTime at;
        private String state = "New";
        private int reassignments;
        private int reopenings;
        private int impact;
        private int urgency;
        int oddStates;

        Incident(SplittableRandom random, int index, LocalDateTime from) {
            this.random = random;
            LocalDateTime opened = from.plusMinutes(random.nextLong(60L * 24 * 270));
            impact = level();
            urgency = level();
            values[0] = "INC" + String.format("%07d", index);
            values[6] = String.valueOf(random.nextInt(100) < 88);
            values[7] = "Caller " + (1 + random.nextInt(5_000));
            values[8] = "Opened by  " + (1 + random.nextInt(900));
            values[9] = DAY_FIRST.format(opened);
            values[10] = "Created by " + (1 + random.nextInt(250));
            values[11] = DAY_FIRST.format(opened.plusMinutes(2));
            values[14] = CONTACTS[random.nextInt(CONTACTS.length)];
            values[15] = "Location " + (1 + random.nextInt(230));
            values[16] = "Category " + (1 + random.nextInt(60));
            values[17] = "Subcategory " + (1 + random.nextInt(290));
            values[18] = random.nextBoolean() ? "?" : "Symptom " + (1 + random.nextInt(500));
            values[19] = random.nextInt(100) == 0 ? "Configuration item " + (1 + random.nextInt(50)) : "?";
            values[23] = "Group " + (1 + random.nextInt(80));
            values[24] = "?";
            values[25] = String.valueOf(random.nextBoolean());
            values[26] = String.valueOf(random.nextBoolean());
            values[27] = random.nextInt(50) == 0 ? "Send Email" : "Do Not Notify";
            values[28] = random.nextInt(50) == 0 ? "Problem ID  " + (1 + random.nextInt(300)) : "?";
            values[29] = "?";
            values[30] = random.nextInt(200) == 0 ? "code 8s" : "?";
            values[31] = "?";
            // The first update, now and then stamped a few minutes before the opening.
            at = random.nextInt(200) == 0
                    ? opened.minusMinutes(1 + random.nextInt(3))
                    : opened.plusMinutes(1 + random.nextInt(20));
            row();
            history();
            finish();
        }

        /** New, sometimes updated while new; then worked on (or resolved at once), resolved, maybe reopened, closed. */
        private void history() {
            for (int n = extra(30, 35); n > 0; n--) {
                update();
            }
            if (random.nextInt(100) < 25) {
                next("Resolved");
            } else {
                work();
            }
            if (random.nextInt(100) < 4) {
                reopenings++;
                next("Active");
                work();
            }
            if (random.nextInt(100) < 3) {
                update();
            }
        }

        /** Active, with updates, awaiting episodes and now and then a long run of updates; ends resolved. */
        private void work() {
            if (!state.equals("Active")) {
                assign();
                next("Active");
            }
            int updates = random.nextInt(100) < 3 ? 5 + extra(100, 85) : extra(30, 35);
            int episodes = extra(30, 30);
            while (updates > 0 || episodes > 0) {
                if (episodes > 0 && (updates == 0 || random.nextBoolean())) {
                    episodes--;
                    next(awaiting());
                    for (int n = extra(50, 30); n > 0; n--) {
                        update();
                    }
                    next("Active");
                } else {
                    updates--;
                    if (random.nextInt(3000) == 0) {
                        // An undocumented state real exports carry now and then.
                        String was = state;
                        state = "-100";
                        row();
                        state = was;
                        oddStates++;
                    } else {
                        update();
                    }
                }
            }
            next("Resolved");
        }

        private String awaiting() {
            int draw = random.nextInt(1000);
            return draw < 900
                    ? "Awaiting User Info"
                    : draw < 945 ? "Awaiting Vendor" : draw < 975 ? "Awaiting Problem" : "Awaiting Evidence";
        }

        /** An update that changes no state: a reassignment, a new urgency, or another field. */
        private void update() {
            int draw = random.nextInt(100);
            if (draw < 50) {
                assign();
            } else if (draw < 60) {
                urgency = level();
            } else {
                values[26] = String.valueOf(random.nextBoolean());
            }
            row();
        }

        private void assign() {
            if (!values[24].equals("?")) {
                reassignments++;
                if (random.nextInt(100) < 30) {
                    values[23] = "Group " + (1 + random.nextInt(80));
                }
            }
            values[24] = "Resolver " + (1 + random.nextInt(230));
        }

        private void next(String next) {
            state = next;
            row();
        }

        /** Most are closed by the time of the export; the last values are known on every row. */
        private void finish() {
            boolean closed = random.nextInt(100) < 97;
            if (closed) {
                next("Closed");
            }
            String resolvedAt = "?";
            for (String[] row : rows) {
                if (row[1].equals("Resolved")) {
                    resolvedAt = row[13];
                }
            }
            String closedAt = closed ? rows.get(rows.size() - 1)[13] : "?";
            String resolvedBy = resolvedAt.equals("?") ? "?" : "Resolved by " + (1 + random.nextInt(230));
            String code = closed ? "code " + (1 + random.nextInt(17)) : "?";
            for (String[] row : rows) {
                row[32] = code;
                row[33] = resolvedBy;
                row[34] = resolvedAt;
                row[35] = closedAt;
                lines.add(String.join(",", row) + "\n");
            }
        }

        /** Records the incident as it is now, some time after the update before. */
        private void row() {
            if (!rows.isEmpty()) {
                at = at.plusMinutes(gap());
            }
            String[] row = values.clone();
            row[1] = state;
            row[2] = String.valueOf(!state.equals("Closed"));
            row[3] = String.valueOf(reassignments);
            row[4] = String.valueOf(reopenings);
            row[5] = String.valueOf(rows.size());
            row[12] = "Updated by " + (1 + random.nextInt(900));
            row[13] = DAY_FIRST.format(at);
            row[20] = LEVELS[impact - 1];
            row[21] = LEVELS[urgency - 1];
            row[22] = PRIORITIES[Math.min(impact + urgency - 2, 3)];
            rows.add(row);
        }

        /** Minutes between two updates: a median of about three hours, a few days at most. */
        private long gap() {
            return Math.max(1, Math.min(8_000, Math.round(195 * Math.exp(0.95 * random.nextGaussian()))));
        }

        /** High, Medium (three in four) or Low. */
        private int level() {
            int draw = random.nextInt(100);
            return draw < 13 ? 1 : draw < 88 ? 2 : 3;
        }

        /** None with {@code 100 - first} percent, else one more with {@code more} percent each time. */
        private int extra(int first, int more) {
            if (random.nextInt(100) >= first) {
                return 0;
            }
            int n = 1;
            while (random.nextInt(100) < more) {
                n++;
            }
            return n;
        }

        List<String> lines() {
            return lines;
        }
    }
}
