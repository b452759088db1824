package io.pledge.monitoring;

import java.util.List;

/**
 * A maintenance window as the API takes it: one-off ({@code startsAt}, {@code endsAt}) or weekly, of one
 * monitor ({@code monitorId}) or of every monitor of the client. {@code retroactive} with a {@code
 * reason}: a window that starts before now is meant.
 */
public record MaintenanceWindowDocument(
        String client,
        String monitorId,
        String name,
        String startsAt,
        String endsAt,
        Weekly weekly,
        Boolean retroactive,
        String reason) {

    /** Every week, on {@code days} (MON...SUN), from {@code start} (HH:MM in {@code zone}) for {@code duration}. */
    public record Weekly(String zone, List<String> days, String start, String duration) {}
}
