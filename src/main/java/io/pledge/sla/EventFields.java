package io.pledge.sla;

/**
 * The fields of an event document as they arrive, in text: {@code type} (an {@link EventType}), {@code at}
 * (ISO-8601 with offset) and what the type needs: {@code priority} for CREATED and PRIORITY_CHANGED,
 * {@code status} for STATUS_CHANGED, {@code author} (AGENT or CUSTOMER) and {@code isPublic} (JSON
 * {@code public}, default true) for REPLIED. Every form an event arrives in has them; {@link EventParser}
 * reads them.
 */
public interface EventFields {

    String type();

    String at();

    String priority();

    String status();

    String author();

    Boolean isPublic();
}
