package io.pledge.reporting;

import java.time.Instant;
import java.util.UUID;

/** The manager's notes printed in a client's QBR pack for one period. */
public record ReportNote(UUID client, String period, String notes, Instant updatedAt, String updatedBy) {}
