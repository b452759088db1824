package io.pledge.tickets;

import io.pledge.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** How ticket changes read in the audit log: one entry per stored event, in the ticket's client's chain. */
public final class TicketAudit {

    private TicketAudit() {}

    /** The entry for one stored event of a ticket. */
    public static AuditLog.Change event(Ticket ticket, RecordedEvent event, String actor) {
        return new AuditLog.Change(
                AuditLog.clientChain(ticket.clientId().value()),
                actor,
                "ticket.event",
                "ticket:" + ticket.id() + "#" + event.seq(),
                details(event));
    }

    /**
     * The entries for the events an import stores, one per client: how many tickets and events, and the
     * SHA-256 of the events' details, one line each, in the order they were added. Built while the import
     * checks its tickets, so that nothing is kept for it but one digest per client.
     */
    public static final class ImportDigest {

        private final Map<UUID, PerClient> clients = new TreeMap<>();

        /** Adds the events of one ticket of this client, in the order the import stores them. */
        public void add(UUID client, List<RecordedEvent> events) {
            if (events.isEmpty()) {
                return;
            }
            PerClient digest = clients.computeIfAbsent(client, id -> new PerClient());
            for (RecordedEvent event : events) {
                digest.sha256.update((event.ticket() + "#" + event.seq() + " " + details(event) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                digest.tickets.add(event.ticket());
            }
            digest.events += events.size();
        }

        /** The audit entries, by client id. */
        public List<AuditLog.Change> changes(UUID job, String actor) {
            List<AuditLog.Change> changes = new ArrayList<>(clients.size());
            clients.forEach((client, digest) -> changes.add(new AuditLog.Change(
                    AuditLog.clientChain(client),
                    actor,
                    "import.stored",
                    "import:" + job,
                    "tickets=" + digest.tickets.size() + ";events=" + digest.events + ";events-sha256="
                            + HexFormat.of().formatHex(digest.sha256.digest()))));
            return changes;
        }

        private static final class PerClient {
            final MessageDigest sha256 = sha256();
            final Set<TicketId> tickets = new HashSet<>();
            long events;
        }
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
        // The digest, not the text: an entry reads the same whether or not its reader may see the text.
        field(text, "body-sha256", event.bodySha256());
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
