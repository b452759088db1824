package io.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The instant is written with only the fraction digits it needs, in groups of three: the form every
     * stored chain was hashed with. The expected hashes were computed outside Pledge from the README's
     * recipe: {@code printf 'pledge-audit-v1\n<64 zeros>\npledge\n1\n<at>\nadmin@pledge.local\nsign-in\n
     * user:…\nvia=web\n' | sha256sum}.
     */
    @ParameterizedTest
    @CsvSource({
        "2026-11-26T10:15:30Z,           2026-11-26T10:15:30Z,      3c8e3e21e2ca21d85affe605239d501781443d0f9be5cc7d3d30eaa8fa39e5b9",
        "2026-11-26T10:15:30.120Z,       2026-11-26T10:15:30.120Z,  4b5cbbf1947eb636b3cf5eb72b8cad4511347155384e4c2c5da9ec36b9a7b8c0",
        "2026-11-26T10:15:30.120000999Z, 2026-11-26T10:15:30.120Z,  4b5cbbf1947eb636b3cf5eb72b8cad4511347155384e4c2c5da9ec36b9a7b8c0",
    })
    void theInstantIsWrittenWithTheFractionDigitsItNeedsInGroupsOfThree(Instant at, String written, String hash) {
        AuditEntry entry = signIn(at);

        assertThat(entry.canonical().lines().toList().get(4)).isEqualTo(written);
        assertThat(entry.hash()).isEqualTo(hash);
    }

    /** The worked example of the README's recipe is what Pledge computes, line for line and hash. */
    @Test
    void theReadmeExampleIsWhatPledgeHashes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile(
                        "```\\n(pledge-audit-v1\\n[0-9a-f]{64}\\n(?:[^`]*\\n))```\\s+has the hash `([0-9a-f]{64})`")
                .matcher(readme);

        assertThat(example.find())
                .as("a worked example in the README's audit recipe")
                .isTrue();
        List<String> lines = example.group(1).lines().toList();
        AuditEntry entry = AuditEntry.next(
                lines.get(2),
                Long.parseLong(lines.get(3)),
                Instant.parse(lines.get(4)),
                lines.get(5),
                lines.get(6),
                lines.get(7),
                lines.get(8),
                lines.get(1));

        assertThat(entry.canonical()).isEqualTo(example.group(1));
        assertThat(entry.hash()).isEqualTo(example.group(2));
    }

    private static AuditEntry signIn(Instant at) {
        return AuditEntry.next(
                "pledge",
                1,
                at,
                "admin@pledge.local",
                "sign-in",
                "user:7f0c1e64-0000-4000-8000-000000000002",
                "via=web",
                AuditEntry.GENESIS);
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
