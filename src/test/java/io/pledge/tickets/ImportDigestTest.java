package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.audit.AuditLog;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportDigestTest {

    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    @Test
    void oneEntryPerClientWithItsOwnTicketsAndEventsInTheOrderAdded() throws Exception {
        TicketId a = TicketId.random();
        TicketId b = TicketId.random();
        TicketId c = TicketId.random();
        List<RecordedEvent> aEvents = List.of(created(a, 1), status(a, 2, TicketStatus.WAITING_ON_CUSTOMER));
        List<RecordedEvent> bEvents = List.of(created(b, 1));
        List<RecordedEvent> cEvents = List.of(created(c, 1), status(c, 2, TicketStatus.RESOLVED), note(c, 3));

        TicketAudit.ImportDigest digest = new TicketAudit.ImportDigest();
        // The second client's ticket comes between the first client's two.
        digest.add(FIRST, aEvents);
        digest.add(SECOND, bEvents);
        digest.add(FIRST, cEvents);
        digest.add(SECOND, List.of());

        List<RecordedEvent> first = new ArrayList<>(aEvents);
        first.addAll(cEvents);
        assertThat(digest.changes(JOB, "admin@msp.example"))
                .containsExactly(
                        new AuditLog.Change(
                                AuditLog.clientChain(FIRST),
                                "admin@msp.example",
                                "import.stored",
                                "import:" + JOB,
                                "tickets=2;events=5;events-sha256=" + sha256(first)),
                        new AuditLog.Change(
                                AuditLog.clientChain(SECOND),
                                "admin@msp.example",
                                "import.stored",
                                "import:" + JOB,
                                "tickets=1;events=1;events-sha256=" + sha256(bEvents)));
    }

    @Test
    void anImportThatStoredNothingHasNoEntry() {
        assertThat(new TicketAudit.ImportDigest().changes(JOB, "admin@msp.example"))
                .isEmpty();
    }

    /** The digest as the audit log documents it: one line per event, "ticket#seq details". */
    private static String sha256(List<RecordedEvent> events) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (RecordedEvent event : events) {
            digest.update((event.ticket() + "#" + event.seq() + " " + TicketAudit.details(event) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static RecordedEvent created(TicketId ticket, long seq) {
        return event(ticket, seq, EventType.CREATED, null, null);
    }

    private static RecordedEvent status(TicketId ticket, long seq, TicketStatus status) {
        return event(ticket, seq, EventType.STATUS_CHANGED, status, null);
    }

    private static RecordedEvent note(TicketId ticket, long seq) {
        return event(ticket, seq, EventType.NOTE, null, "called the vendor");
    }

    private static RecordedEvent event(TicketId ticket, long seq, EventType kind, TicketStatus status, String body) {
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket,
                seq,
                kind,
                Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60 * seq),
                kind == EventType.CREATED ? Priority.of("P2") : null,
                status,
                null,
                null,
                null,
                body,
                null,
                null,
                "servicenow",
                ticket + "/" + seq,
                Instant.parse("2026-11-27T10:00:00Z"),
                null);
    }
}
