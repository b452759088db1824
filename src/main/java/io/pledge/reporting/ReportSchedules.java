package io.pledge.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored report schedules, one per client. Callers hold the transaction. */
public interface ReportSchedules {

    Optional<ReportSchedule> find(UUID client);

    /** Every schedule, enabled or not. */
    List<ReportSchedule> all();

    /** Stores a client's schedule, replacing the one it had. */
    void put(ReportSchedule schedule);

    /** Locks up to {@code limit} enabled schedules due at {@code now}, skipping those another node holds. */
    List<ReportSchedule> claimDue(Instant now, int limit);

    /** Moves a claimed schedule's cursors. */
    void advance(ReportSchedule schedule);
}
