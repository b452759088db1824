package io.pledge.advisor;

import io.pledge.clients.TierId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The stored internal goals, one per tier, priority and metric. */
public interface Goals {

    /** Every goal, by tier, priority and metric. */
    List<Goal> all();

    Optional<Goal> find(TierId tier, Priority priority, Metric metric);

    /** Sets (or replaces) the goal of a tier, priority and metric. */
    Goal put(TierId tier, Priority priority, Metric metric, Duration goal, String author);

    /** Removes a goal; false when there was none. */
    boolean remove(TierId tier, Priority priority, Metric metric);
}
