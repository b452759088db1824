package io.pledge.reporting;

import io.pledge.tickets.ClockRecords.ClockRecord;
import io.pledge.tickets.ClockRecords.Paused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The pause time of the clocks that stopped in a period: as stored with each clock row, and replayed from the
 * ticket's timeline only for rows stored before pause time was (docs/adr/0030).
 */
final class PausedTimes {

    private PausedTimes() {}

    /**
     * The pause time of the records that stopped in {@code [start, until)}.
     *
     * @param replay the engine's replay of the period, asked for only when a stopped record has none stored
     */
    static List<Paused> of(List<ClockRecord> records, Instant start, Instant until, Supplier<List<Paused>> replay) {
        List<Paused> paused = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        for (ClockRecord record : records) {
            if (record.stoppedWithin(start, until)) {
                if (record.paused() != null) {
                    paused.add(record.paused());
                } else {
                    missing.add(record.ticket().value() + "/" + record.metric());
                }
            }
        }
        if (!missing.isEmpty()) {
            for (Paused replayed : replay.get()) {
                if (missing.contains(replayed.ticket().value() + "/" + replayed.metric())) {
                    paused.add(replayed);
                }
            }
        }
        return paused;
    }

    /** A clock's pause time by the reasons of {@link ComplianceReports#PAUSE_REASONS}, in that order. */
    static Map<String, Duration> byReason(Paused paused) {
        Map<String, Duration> reasons = new LinkedHashMap<>();
        reasons.put("WAITING_ON_CUSTOMER", paused.waitingOnCustomer());
        reasons.put("WAITING_ON_VENDOR", paused.waitingOnVendor());
        reasons.put("OTHER", paused.other());
        return reasons;
    }
}
