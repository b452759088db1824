package io.pledge.sla;

/** An event of a timeline given whole to {@code /sla/evaluate}: the {@link EventFields} and nothing more. */
public record EventDocument(String type, String at, String priority, String status, String author, Boolean isPublic)
        implements EventFields {}
