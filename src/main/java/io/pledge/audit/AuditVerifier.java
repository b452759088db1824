package io.pledge.audit;

import io.pledge.core.jdbc.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ChainReport> verify() {
        Map<String, Object[]> heads = new LinkedHashMap<>();
        jdbc.sql("select chain, head_seq, head_hash from audit_chain order by chain")
                .query((row, i) -> heads.put(row.getString(1), new Object[] {row.getLong(2), row.getString(3)}))
                .list();
        List<ChainReport> reports = new ArrayList<>();
        for (Map.Entry<String, Object[]> head : heads.entrySet()) {
            reports.add(verify(head.getKey(), (Long) head.getValue()[0], (String) head.getValue()[1]));
        }
        jdbc.sql("select distinct chain from audit_entry where chain not in (select chain from audit_chain)")
                .query(String.class)
                .list()
                .forEach(orphan ->
                        reports.add(new ChainReport(orphan, 0, null, new Broken(1, "the chain's head is missing"))));
        return reports;
    }

    /** A chain's head: its last sequence number and hash; empty when the chain was never written. */
    public record Head(long seq, String hash) {}

    @Transactional(readOnly = true)
    public java.util.Optional<Head> head(String chain) {
        return jdbc.sql("select head_seq, head_hash from audit_chain where chain = :chain")
                .param("chain", chain)
                .query((row, i) -> new Head(row.getLong(1), row.getString(2)))
                .optional();
    }

    /** A chain's entries from {@code fromSeq} to its end, in order. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(String chain, long fromSeq) {
        return jdbc.sql("select * from audit_entry where chain = :chain and seq >= :from order by seq")
                .param("chain", chain)
                .param("from", fromSeq)
                .query((row, i) -> entry(row))
                .list();
    }

    /** The lowest sequence number of a chain's entries whose subject starts with {@code prefix}. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> firstOf(String chain, String prefix) {
        return jdbc
                .sql("select min(seq) from audit_entry where chain = :chain and subject like :prefix")
                .param("chain", chain)
                .param("prefix", prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((row, i) -> {
                    long seq = row.getLong(1);
                    return row.wasNull() ? -1L : seq;
                })
                .list()
                .stream()
                .filter(seq -> seq > 0)
                .findFirst();
    }

    private static AuditEntry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new AuditEntry(
                row.getString("chain"),
                row.getLong("seq"),
                Timestamps.instant(row, "at"),
                row.getString("actor"),
                row.getString("action"),
                row.getString("subject"),
                row.getString("details"),
                row.getString("prev_hash"),
                row.getString("hash"));
    }

    private ChainReport verify(String chain, long headSeq, String headHash) {
        long[] expected = {1};
        String[] previous = {AuditEntry.GENESIS};
        Broken[] broken = {null};
        jdbc.sql("select * from audit_entry where chain = :chain order by seq")
                .param("chain", chain)
                .query(row -> {
                    if (broken[0] != null) {
                        return;
                    }
                    AuditEntry entry = entry(row);
                    if (entry.seq() != expected[0]) {
                        broken[0] = new Broken(expected[0], "entry " + expected[0] + " is missing");
                    } else if (!entry.prevHash().equals(previous[0])) {
                        broken[0] = new Broken(
                                entry.seq(),
                                "entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)
                                        + ": its previous hash is not that entry's hash");
                    } else if (!entry.hashMatches()) {
                        broken[0] = new Broken(
                                entry.seq(),
                                "entry " + entry.seq() + " was altered: its content does not match its hash");
                    } else {
                        previous[0] = entry.hash();
                        expected[0]++;
                    }
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
