package io.pledge.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every chain from its first entry: each entry's hash from its content, each link to the
 * previous hash, the sequence without gaps, and the last entry against the chain's head. Names the
 * first broken link of each chain.
 */
@Service
public class AuditVerifier {

    /** What was found in one chain; {@code broken} is null when the chain is whole. */
    public record ChainReport(String chain, long entries, String headHash, Broken broken) {}

    /** The first broken link: the entry where the chain stops being provable, and why. */
    public record Broken(long seq, String reason) {}

    private final AuditChains chains;

    AuditVerifier(AuditChains chains) {
        this.chains = chains;
    }

    @Transactional(readOnly = true)
    public List<ChainReport> verify() {
        List<ChainReport> reports = new ArrayList<>();
        for (Map.Entry<String, Head> head : chains.heads().entrySet()) {
            reports.add(
                    verify(head.getKey(), head.getValue().seq(), head.getValue().hash()));
        }
        chains.headless()
                .forEach(orphan ->
                        reports.add(new ChainReport(orphan, 0, null, new Broken(1, "the chain's head is missing"))));
        return reports;
    }

    /** A chain's head: its last sequence number and hash; empty when the chain was never written. */
    public record Head(long seq, String hash) {}

    @Transactional(readOnly = true)
    public Optional<Head> head(String chain) {
        return chains.head(chain);
    }

    /** A chain's entries from {@code fromSeq} to its end, in order. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(String chain, long fromSeq) {
        return chains.entries(chain, fromSeq);
    }

    /** The lowest sequence number of a chain's entries whose subject starts with {@code prefix}. */
    @Transactional(readOnly = true)
    public Optional<Long> firstOf(String chain, String prefix) {
        return chains.firstOf(chain, prefix);
    }

    private ChainReport verify(String chain, long headSeq, String headHash) {
        long[] expected = {1};
        String[] previous = {AuditEntry.GENESIS};
        Broken[] broken = {null};
        chains.scan(chain, entry -> {
            if (entry.seq() != expected[0]) {
                broken[0] = new Broken(expected[0], "entry " + expected[0] + " is missing");
            } else if (!entry.prevHash().equals(previous[0])) {
                broken[0] = new Broken(
                        entry.seq(),
                        "entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)
                                + ": its previous hash is not that entry's hash");
            } else if (!entry.hashMatches()) {
                broken[0] = new Broken(
                        entry.seq(), "entry " + entry.seq() + " was altered: its content does not match its hash");
            } else {
                previous[0] = entry.hash();
                expected[0]++;
            }
            return broken[0] == null;
        });
        long found = expected[0] - 1;
        if (broken[0] == null && found != headSeq) {
            broken[0] = new Broken(
                    found + 1,
                    found < headSeq
                            ? "entries " + (found + 1) + " to " + headSeq + " are missing (the head is at " + headSeq
                                    + ")"
                            : "entries after " + headSeq + " are not covered by the head");
        } else if (broken[0] == null && !previous[0].equals(headHash)) {
            broken[0] = new Broken(headSeq, "the last entry's hash is not the chain's head hash");
        }
        return new ChainReport(chain, found, headHash, broken[0]);
    }
}
