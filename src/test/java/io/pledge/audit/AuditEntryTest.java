package io.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void theHashIsTheSha256OfTheDocumentedCanonicalText() {
        // The expected hash was computed outside Pledge, as a third party would:
        // printf 'pledge-audit-v1\n<64 zeros>\nclient:…\n1\n2026-11-26T10:15:30.123456Z\n…\n' | sha256sum
        AuditEntry entry = AuditEntry.next(
                "client:7f0c1e64-0000-4000-8000-000000000001",
                1,
                Instant.parse("2026-11-26T10:15:30.123456789Z"),
                "token:portal",
                "ticket.event",
                "ticket:42#1",
                "type=CREATED;at=2026-11-26T10:15:30Z;priority=P2",
                AuditEntry.GENESIS);

        assertThat(entry.hash()).isEqualTo("43bfe4a8b2ae3610e2fb4425f2cc2c0f635b0142542b305fd8ea83e9a874983e");
        assertThat(entry.hashMatches()).isTrue();
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        AuditEntry entry = AuditEntry.next(
                "pledge",
                7,
                Instant.parse("2026-11-26T10:15:30Z"),
                "admin",
                "token.created",
                "token:1",
                null,
                "a".repeat(64));
        AuditEntry edited = new AuditEntry(
                entry.chain(),
                entry.seq(),
                entry.at(),
                "someone else",
                entry.action(),
                entry.subject(),
                entry.details(),
                entry.prevHash(),
                entry.hash());

        assertThat(edited.hashMatches()).isFalse();
    }

    @Test
    void aLineBreakInAFieldCannotForgeAnotherField() {
        Instant at = Instant.parse("2026-11-26T10:15:30Z");
        AuditEntry joined = AuditEntry.next("pledge", 1, at, "a\nb", "x", "s", null, AuditEntry.GENESIS);
        AuditEntry split = AuditEntry.next("pledge", 1, at, "a", "b\nx", "s", null, AuditEntry.GENESIS);

        assertThat(joined.hash()).isNotEqualTo(split.hash());
    }
}
