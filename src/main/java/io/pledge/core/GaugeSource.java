package io.pledge.core;

/**
 * Figures a module publishes as gauges (at {@code /actuator/prometheus}), read from its own tables by a few
 * aggregate queries. {@link GaugeSchedule} refreshes every source every {@code pledge.metrics.interval}; a
 * scrape reads the figures of the last refresh and never queries the database.
 */
public interface GaugeSource {

    /** Reads the figures again and replaces the gauges' values (and label sets) with them. */
    void refresh();
}
