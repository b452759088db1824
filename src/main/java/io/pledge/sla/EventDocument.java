package io.pledge.sla;

/**
 * The JSON form of a timeline event: {@code type} (CREATED, STATUS_CHANGED, REPLIED, NOTE,
 * PRIORITY_CHANGED, RESOLVED, REOPENED, CLOSED, CANCELLED), {@code at} (ISO-8601 with offset) and what the
 * type needs: {@code priority} for CREATED and PRIORITY_CHANGED, {@code status} for STATUS_CHANGED,
 * {@code author} (AGENT or CUSTOMER) and {@code isPublic} (JSON {@code public}, default true) for
 * REPLIED.
 */
public record EventDocument(String type, String at, String priority, String status, String author, Boolean isPublic) {}
