package io.pledge.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One report mailed, or owed, to a client for a period. Edition 1 is the scheduled one (one per client and
 * period); each resend is the next edition. Once sent it keeps what was sent: recipients, subject,
 * Message-ID and the PDF's SHA-256 and size (the PDF itself is read on its own, {@link
 * ReportDeliveries#pdf}).
 *
 * @param requestedBy {@code schedule}, or the user or token that asked for a resend
 */
public record ReportDelivery(
        UUID id,
        UUID client,
        String period,
        int edition,
        String requestedBy,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        List<String> recipients,
        String subject,
        String messageId,
        String pdfSha256,
        Integer pdfSize) {

    /** Who asks for the scheduled editions. */
    public static final String SCHEDULE = "schedule";

    public enum State {
        PENDING,
        SENT,
        DEAD
    }

    public ReportDelivery {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A delivery owed now, not yet tried. */
    public static ReportDelivery owed(UUID client, String period, int edition, String requestedBy, Instant now) {
        return new ReportDelivery(
                UUID.randomUUID(),
                client,
                period,
                edition,
                requestedBy,
                State.PENDING,
                0,
                now,
                null,
                now,
                null,
                List.of(),
                null,
                null,
                null,
                null);
    }

    /** What a sent delivery keeps of its mail. */
    public record Sent(List<String> recipients, String subject, String messageId, byte[] pdf, String pdfSha256) {}
}
