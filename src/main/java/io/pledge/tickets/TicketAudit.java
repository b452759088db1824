package io.pledge.tickets;

import io.pledge.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** How ticket changes read in the audit log: one entry per stored event, in the ticket's client's chain. */
public final class TicketAudit {

    private TicketAudit() {}

    /** The entry for one stored event of a ticket. */
    public static AuditLog.Change event(Ticket ticket, RecordedEvent event, String actor) {
        return new AuditLog.Change(
                AuditLog.clientChain(ticket.clientId()),
                actor,
                "ticket.event",
                "ticket:" + ticket.id() + "#" + event.seq(),
                details(event));
    }

    /**
     * The entry for the events an import stored for one client: how many, and the SHA-256 of their
     * details, one per line, in the order given.
     */
    public static AuditLog.Change imported(
            java.util.UUID client, java.util.UUID job, int tickets, List<RecordedEvent> events, String actor) {
        MessageDigest digest = sha256();
        for (RecordedEvent event : events) {
            digest.update((event.ticket() + "#" + event.seq() + " " + details(event) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new AuditLog.Change(
                AuditLog.clientChain(client),
                actor,
                "import.stored",
                "import:" + job,
                "tickets=" + tickets + ";events=" + events.size() + ";events-sha256="
                        + HexFormat.of().formatHex(digest.digest()));
    }

    /** An event's stored fields, a body by its SHA-256 only. */
    static String details(RecordedEvent event) {
        StringBuilder text = new StringBuilder(160);
        field(text, "type", event.kind().name());
        field(text, "at", event.at().toString());
        field(text, "eventId", event.eventId());
        field(text, "source", event.source());
        field(
                text,
                "priority",
                event.priority() == null ? null : event.priority().code());
        field(text, "status", event.status() == null ? null : event.status().name());
        field(text, "label", event.statusLabel());
        field(text, "author", event.author());
        field(text, "public", event.isPublic() == null ? null : event.isPublic().toString());
        field(
                text,
                "technician",
                event.technicianId() == null ? null : event.technicianId().toString());
        field(text, "team", event.teamId() == null ? null : event.teamId().toString());
        if (event.body() != null) {
            field(
                    text,
                    "body-sha256",
                    HexFormat.of().formatHex(sha256().digest(event.body().getBytes(StandardCharsets.UTF_8))));
        }
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(name).append('=').append(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
