package io.pledge.tickets;

import io.pledge.core.Scope;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One stored ticket event, as it arrived: never updated, never deleted. {@code seq} orders events of
 * the same instant by arrival. {@code bodySha256} is the SHA-256 of the body (hex), computed from it when
 * given as null: it stays when a client's view leaves the body out.
 */
public record RecordedEvent(
        UUID id,
        TicketId ticket,
        long seq,
        EventType kind,
        Instant at,
        Priority priority,
        TicketStatus status,
        String statusLabel,
        String author,
        Boolean isPublic,
        String body,
        UUID technicianId,
        UUID teamId,
        String source,
        String eventId,
        Instant recordedAt,
        String bodySha256) {

    public RecordedEvent {
        if (body != null && bodySha256 == null) {
            bodySha256 = sha256(body);
        }
    }

    /**
     * Whether the event is the MSP's internal conversation: a note, a reply not made public, or any other
     * text not made public (a comment on a status change, say).
     */
    public boolean isInternal() {
        boolean published = Boolean.TRUE.equals(isPublic);
        return kind == EventType.NOTE
                || (kind == EventType.REPLIED && !published)
                || (bodySha256 != null && !published);
    }

    /**
     * The event as a scope may see it: whole for the MSP; for a client, an internal event keeps its kind,
     * instants and the digest of its text, never the text itself (nor who on the MSP's side wrote it).
     */
    public RecordedEvent within(Scope scope) {
        if (scope.seesInternalText() || !isInternal()) {
            return this;
        }
        return new RecordedEvent(
                id,
                ticket,
                seq,
                kind,
                at,
                priority,
                status,
                statusLabel,
                author,
                isPublic,
                null,
                technicianId,
                teamId,
                source,
                eventId,
                recordedAt,
                bodySha256);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
